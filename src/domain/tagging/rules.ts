/**
 * The tagging rules (see rules/surveillance.yaml): themes with their terms, co-occurrences and
 * code articles, checked and compiled into matchers. Pure.
 */
import { foldKeepingOffsets } from "./fold.js";

/** A theme, compiled. */
export interface Theme {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly terms: readonly Term[];
  readonly together: readonly (readonly Term[])[];
  readonly codes: readonly CodePattern[];
  readonly except: readonly Term[];
}

/** A term as written in the rules, and its matcher. */
export interface Term {
  readonly source: string;
  readonly pattern: RegExp;
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
  const body = folded
    .split(/[\s'-]+/)
    .map((word) => escape(word.replace(/\*$/, "")) + (word.endsWith("*") ? "[\\p{L}\\p{N}]*" : ""))
    .join("[\\s'\\-]+");
  return { source, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "gu") };
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

/** Checks and compiles the rules as read from the YAML file. */
export function compileRules(raw: unknown): RuleSet {
  if (typeof raw !== "object" || raw === null) throw new RulesError("le fichier de règles est vide ou n'est pas une liste de thèmes");
  const doc = raw as Record<string, unknown>;
  if (!Array.isArray(doc["themes"])) throw new RulesError("la clé « themes » (liste des thèmes) est absente");
  const seen = new Set<string>();
  const themes = (doc["themes"] as unknown[]).map((value, index) => {
    if (typeof value !== "object" || value === null) throw new RulesError(`thème n° ${index + 1} : ce n'est pas un thème`);
    const t = value as Record<string, unknown>;
    const id = t["id"];
    if (typeof id !== "string" || !/^[a-z0-9-]+$/.test(id))
      throw new RulesError(`thème n° ${index + 1} : « id » manquant ou invalide (minuscules, chiffres et tirets)`);
    if (seen.has(id)) throw new RulesError(`thème « ${id} » défini deux fois`);
    seen.add(id);
    const where = `thème « ${id} »`;
    const label = typeof t["libelle"] === "string" ? t["libelle"] : id;
    const wrap = <T>(what: string, f: () => T): T => {
      try {
        return f();
      } catch (error) {
        throw new RulesError(`${where}, ${what} : ${(error as Error).message}`);
      }
    };
    const terms = wrap("termes", () => strings(t["termes"], "termes").map(compileTerm));
    const together = wrap("ensemble", () => {
      const groups = t["ensemble"] ?? [];
      if (!Array.isArray(groups)) throw new RulesError("une liste de listes est attendue");
      return groups.map((group, i) => {
        const list = strings(group, `groupe ${i + 1}`);
        if (list.length < 2) throw new RulesError(`groupe ${i + 1} : au moins deux termes`);
        return list.map(compileTerm);
      });
    });
    const codes = wrap("codes", () => strings(t["codes"], "codes").map(compileCode));
    const except = wrap("sauf", () => strings(t["sauf"], "sauf").map(compileTerm));
    if (terms.length + together.length + codes.length === 0) throw new RulesError(`${where} : ni termes, ni ensemble, ni codes`);
    return { id, label, description: typeof t["description"] === "string" ? t["description"] : "", terms, together, codes, except };
  });
  return { version: String(doc["version"] ?? "1"), themes };
}

/** True when a citation matches a code pattern. */
export function codeMatches(pattern: CodePattern, code: string, article: string): boolean {
  if (pattern.code !== code) return false;
  return pattern.prefix ? article.startsWith(pattern.article) : article === pattern.article;
}
