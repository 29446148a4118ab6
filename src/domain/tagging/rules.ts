/**
 * The tagging rules (see rules/surveillance.yaml): themes with their terms, terms that count only
 * in context, exceptions and code articles, checked and compiled into matchers. Pure.
 */
import { foldKeepingOffsets } from "./fold.js";

/** A theme, compiled. */
export interface Theme {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** Terms that suffice alone. */
  readonly terms: readonly Term[];
  /** Terms that count only with a context term in the same sentence. */
  readonly inContext: readonly ContextRule[];
  readonly codes: readonly CodePattern[];
  /** Terms that cancel every match of the theme in the same sentence. */
  readonly except: readonly Term[];
  /** Where a mention in an amendment's exposé (its explanation) counts: see {@link ExposeRule}. */
  readonly expose: ExposeRule;
}

/**
 * How the exposé of an amendment counts when its dispositif does not mark the theme: "principal"
 * (what the exposé says of its purpose, in its first {@link EXPOSE_OPENING} sentences, or what it
 * says in two sentences at least: a passing mention is not the subject), "oui" (any mention),
 * "non" (never: only the dispositif).
 */
export type ExposeRule = "principal" | "oui" | "non";

/** Sentences of an exposé that state the amendment's purpose ("Cet amendement vise à…"). */
export const EXPOSE_OPENING = 2;

/** Weak terms, the context that makes them count, and words that stop them in their sentence. */
export interface ContextRule {
  readonly terms: readonly Term[];
  readonly context: readonly Term[];
  readonly except: readonly Term[];
}

/** A term as written in the rules, and its matcher. */
export interface Term {
  readonly source: string;
  readonly pattern: RegExp;
  /**
   * The term's longest word, folded and without its star: a text that does not contain it cannot
   * match, so the pattern is only run on texts that do (most texts contain few of the terms).
   */
  readonly anchor: string;
}

/** A code article pattern ("CSI L. 851-*"). */
export interface CodePattern {
  readonly source: string;
  readonly code: string;
  /** Article, or prefix when `prefix` is true. */
  readonly article: string;
  readonly prefix: boolean;
}

/** The compiled rules. */
export interface RuleSet {
  readonly version: string;
  readonly themes: readonly Theme[];
}

/** A mistake in the rules file, said so that its author can fix it. */
export class RulesError extends Error {
  override name = "RulesError";
}

const escape = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

/** Compiles one term: folded, "*" ends a word freely, spaces and hyphens match each other. */
export function compileTerm(source: string): Term {
  const folded = foldKeepingOffsets(source.trim());
  if (folded === "" || folded === "*") throw new RulesError(`terme vide`);
  const words = folded.split(/[\s'-]+/).filter((word) => word !== "");
  const body = words.map((word) => escape(word.replace(/\*$/, "")) + (word.endsWith("*") ? "[\\p{L}\\p{N}]*" : "")).join("[\\s'\\-]+");
  const anchor = words.map((word) => word.replace(/\*$/, "")).reduce((a, b) => (b.length > a.length ? b : a), "");
  return { source, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "gu"), anchor };
}

function compileCode(source: string): CodePattern {
  const match = /^\s*(\S+)\s+(.+?)\s*$/.exec(source);
  if (!match) throw new RulesError(`code « ${source} » : il faut un code et un article, par exemple « CSI L. 851-3 »`);
  const raw = (match[2] ?? "").replace(/\s+/g, " ");
  const prefix = raw.endsWith("*");
  const article = raw
    .replace(/\*$/, "")
    .replace(/^([LRD])\.?\s*/, "$1. ")
    .trim();
  return { source, code: (match[1] ?? "").toUpperCase(), article, prefix };
}

function strings(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string" || typeof v === "number")) {
    throw new RulesError(`${where} : une liste de textes est attendue`);
  }
  return value.map(String);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const THEME_KEYS = ["id", "libelle", "description", "termes", "selon_contexte", "sauf", "codes", "expose"];
const EXPOSE_RULES: readonly ExposeRule[] = ["principal", "oui", "non"];

function compileContextRules(value: unknown): ContextRule[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new RulesError("une liste de règles « termes » + « avec » est attendue");
  return value.map((rule, i) => {
    if (!isRecord(rule)) throw new RulesError(`règle ${i + 1} : « termes » et « avec » attendus`);
    const unknown = Object.keys(rule).filter((k) => !["termes", "avec", "sauf"].includes(k));
    if (unknown.length) throw new RulesError(`règle ${i + 1} : clé inconnue « ${unknown[0]} » (termes, avec, sauf)`);
    const terms = strings(rule["termes"], `règle ${i + 1}, termes`).map(compileTerm);
    const context = strings(rule["avec"], `règle ${i + 1}, avec`).map(compileTerm);
    const except = strings(rule["sauf"], `règle ${i + 1}, sauf`).map(compileTerm);
    if (!terms.length || !context.length) throw new RulesError(`règle ${i + 1} : il faut des « termes » et des mots « avec »`);
    return { terms, context, except };
  });
}

function compileTheme(value: unknown, index: number, seen: Set<string>): Theme {
  if (!isRecord(value)) throw new RulesError(`thème n° ${index + 1} : ce n'est pas un thème`);
  const id = value["id"];
  if (typeof id !== "string" || !/^[a-z0-9-]+$/.test(id))
    throw new RulesError(`thème n° ${index + 1} : « id » manquant ou invalide (minuscules, chiffres et tirets)`);
  if (seen.has(id)) throw new RulesError(`thème « ${id} » défini deux fois`);
  seen.add(id);
  const where = `thème « ${id} »`;
  const unknown = Object.keys(value).filter((k) => !THEME_KEYS.includes(k));
  if (unknown.length) throw new RulesError(`${where} : clé inconnue « ${unknown[0]} » (clés possibles : ${THEME_KEYS.join(", ")})`);
  const wrap = <T>(what: string, f: () => T): T => {
    try {
      return f();
    } catch (error) {
      throw new RulesError(`${where}, ${what} : ${(error as Error).message}`);
    }
  };
  const terms = wrap("termes", () => strings(value["termes"], "termes").map(compileTerm));
  const inContext = wrap("selon_contexte", () => compileContextRules(value["selon_contexte"]));
  const codes = wrap("codes", () => strings(value["codes"], "codes").map(compileCode));
  const except = wrap("sauf", () => strings(value["sauf"], "sauf").map(compileTerm));
  const expose = value["expose"] ?? "principal";
  if (typeof expose !== "string" || !(EXPOSE_RULES as readonly string[]).includes(expose))
    throw new RulesError(`${where}, expose : « principal », « oui » ou « non » attendu`);
  if (terms.length + inContext.length + codes.length === 0) throw new RulesError(`${where} : ni termes, ni selon_contexte, ni codes`);
  return {
    id,
    label: typeof value["libelle"] === "string" ? value["libelle"] : id,
    description: typeof value["description"] === "string" ? value["description"] : "",
    terms,
    inContext,
    codes,
    except,
    expose: expose as ExposeRule,
  };
}

/** Checks and compiles the rules as read from the YAML file. */
export function compileRules(raw: unknown): RuleSet {
  if (!isRecord(raw)) throw new RulesError("le fichier de règles est vide ou n'est pas une liste de thèmes");
  const themes = raw["themes"];
  if (!Array.isArray(themes)) throw new RulesError("la clé « themes » (liste des thèmes) est absente");
  const seen = new Set<string>();
  return {
    version: typeof raw["version"] === "string" || typeof raw["version"] === "number" ? String(raw["version"]) : "1",
    themes: themes.map((value, index) => compileTheme(value, index, seen)),
  };
}

/** True when a citation matches a code pattern. */
export function codeMatches(pattern: CodePattern, code: string, article: string): boolean {
  if (pattern.code !== code) return false;
  return pattern.prefix ? article.startsWith(pattern.article) : article === pattern.article;
}
