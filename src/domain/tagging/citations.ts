/**
 * Citations of code articles in a text: "l'article L. 851-3 du code de la sécurité intérieure",
 * "aux articles 706-102-1 et 706-102-2 du code de procédure pénale", "au 3° du I de l'article
 * L. 34-1 du même code", "l'article 10 de la loi n° 2023-380 du 19 mai 2023", and, once a code is
 * named, "un article L. 851-8 ainsi rédigé". Normalised to (code, article) pairs. Pure.
 */
import { foldKeepingOffsets } from "./fold.js";

/** A citation found in an alinéa. */
export interface Citation {
  /** Short code id ("CSI", "CPP", "LOI-2023-380"). */
  readonly code: string;
  /** Article, normalised ("L. 851-3", "706-102-1", "10"). */
  readonly article: string;
  readonly alinea: number;
  readonly start: number;
  readonly end: number;
  /**
   * True for a citation that only names something defined elsewhere ("les opérateurs mentionnés
   * à l'article L. 851-1"), as opposed to one the text acts on ("l'article L. 851-3 est ainsi
   * modifié"): rules do not tag on such references.
   */
  readonly reference: boolean;
}

/** Short ids of the codes most cited in surveillance bills; other codes get a slug of their name. */
const CODE_IDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^code de la securite interieure/, "CSI"],
  [/^code de procedure penale/, "CPP"],
  [/^code penal/, "CP"],
  [/^code des postes et (des )?communications electroniques/, "CPCE"],
  [/^code de la defense/, "CD"],
  [/^code general des collectivites territoriales/, "CGCT"],
  [/^code des relations entre le public et l'administration/, "CRPA"],
  [/^code de la securite sociale/, "CSS"],
  [/^code general des impots/, "CGI"],
  [/^code de l'entree et du sejour des etrangers/, "CESEDA"],
  [/^code des douanes/, "CDOUANES"],
  [/^code du travail/, "CT"],
  [/^code de la sante publique/, "CSP"],
  [/^code monetaire et financier/, "CMF"],
  [/^code de la route/, "CR"],
  [/^code des transports/, "CTR"],
  [/^code de justice administrative/, "CJA"],
];

/** The codes' names as written, by short id, for readers (« code de la sécurité intérieure »). */
const CODE_NAMES: Readonly<Record<string, string>> = {
  CSI: "code de la sécurité intérieure",
  CPP: "code de procédure pénale",
  CP: "code pénal",
  CPCE: "code des postes et des communications électroniques",
  CD: "code de la défense",
  CGCT: "code général des collectivités territoriales",
  CRPA: "code des relations entre le public et l'administration",
  CSS: "code de la sécurité sociale",
  CGI: "code général des impôts",
  CESEDA: "code de l'entrée et du séjour des étrangers et du droit d'asile",
  CDOUANES: "code des douanes",
  CT: "code du travail",
  CSP: "code de la santé publique",
  CMF: "code monétaire et financier",
  CR: "code de la route",
  CTR: "code des transports",
  CJA: "code de justice administrative",
};

/**
 * A cited article as a reader names it: « article L. 851-3 du code de la sécurité intérieure »,
 * « article 2 de la loi n° 2023-380 »; an unknown code keeps its id, without the « CODE- » prefix.
 */
export function codeArticleLabel(code: string, article: string): string {
  const name = codeName(code);
  return `article ${article} ${name.startsWith("loi") ? "de la" : "du"} ${name}`;
}

/** « code de la sécurité intérieure », « loi n° 2023-380 », « code minier » (an unknown code, from its id). */
export function codeName(code: string): string {
  const name = CODE_NAMES[code];
  if (name) return name;
  const law = /^LOI-(\d+-\d+)$/.exec(code);
  if (law) return `loi n° ${law[1]}`;
  return `code ${code
    .replace(/^CODE-/, "")
    .toLowerCase()
    .replace(/-/g, " ")}`;
}

/** Names of codes as folded text, longest first: "code <words>". */
const CODE_NAME = /code(?: (?:de la|de l'|des|du|de|general des|general de la|monetaire et|penal)\b)?(?: [a-z'-]+){0,8}/y;

function codeId(name: string): string | null {
  for (const [pattern, id] of CODE_IDS) if (pattern.test(name)) return id;
  const words = name
    .replace(/^code\s+/, "")
    .split(/\s+/)
    .filter((w) => !["de", "la", "l'", "des", "du", "et"].includes(w));
  return words.length ? `CODE-${words.slice(0, 4).join("-").toUpperCase()}` : null;
}

/** "L. 851‑3", "l851-3", "706‑102‑1" → "L. 851-3", "706-102-1". */
export function normaliseArticle(raw: string): string {
  const clean = raw.replace(/\s+/g, "").replace(/[‑–]/g, "-").toUpperCase();
  const prefixed = /^([LRD])\.?(\d.*)$/.exec(clean);
  return prefixed ? `${prefixed[1]}. ${prefixed[2]}` : clean;
}

const ARTICLE = String.raw`(?:[lrd]\.?\s?)?\d+(?:-\d+)*`;
const REFERENCE = new RegExp(String.raw`\barticles?\s+(${ARTICLE}(?:\s*(?:,|et|ou|a)\s*${ARTICLE})*)`, "g");
const FOLLOWED_BY_CODE = /^\s*(?:,\s*)?(?:du|de la|de l'|des)\s+(meme code|code\b)/;
const FOLLOWED_BY_LAW = /^\s*(?:,\s*)?de la loi (?:organique )?n°\s*(\d{2,4}-\d+)/;
/** Abbreviations used in exposés ("l'article L. 811-3 du CSI"). */
const FOLLOWED_BY_ABBREVIATION = /^\s*(?:,\s*)?du (csi|cpp|cpce|cp|cgct|crpa|css|cgi|ceseda)\b/;

/**
 * Extracts the code-article citations of a list of alinéas (in order: "du même code" and bare
 * "article L. …" refer to the last code named before them).
 */
export function extractCitations(alineas: ReadonlyArray<{ readonly number: number; readonly text: string }>): Citation[] {
  const out: Citation[] = [];
  let lastCode: string | null = null;
  for (const alinea of alineas) {
    const folded = foldKeepingOffsets(alinea.text);
    const named = namedCodes(folded);
    for (const match of folded.matchAll(REFERENCE)) {
      const list = match[1] ?? "";
      const after = folded.slice((match.index ?? 0) + match[0].length);
      let code: string | null = null;
      const law = FOLLOWED_BY_LAW.exec(after);
      const codeRef = FOLLOWED_BY_CODE.exec(after);
      const abbreviation = FOLLOWED_BY_ABBREVIATION.exec(after);
      if (law) code = `LOI-${law[1]}`;
      else if (abbreviation) code = (abbreviation[1] ?? "").toUpperCase();
      else if (codeRef?.[1] === "meme code") code = lastCode;
      else if (codeRef) {
        CODE_NAME.lastIndex = after.indexOf("code");
        const name = CODE_NAME.exec(after)?.[0] ?? "code";
        code = codeId(name);
        if (code) lastCode = code;
      } else if (/[lrd]\.?\s?\d|\d+-\d+/.test(list)) {
        // "Le chapitre … du code de la sécurité intérieure est complété par un article L. 851-8":
        // the code named earlier in the same alinéa, else the last one named before it.
        code = lastNamedBefore(named, match.index ?? 0) ?? lastCode;
      }
      if (!code) continue;
      const start = (match.index ?? 0) + match[0].indexOf(list);
      const before = folded.slice(Math.max(0, (match.index ?? 0) - 40), match.index ?? 0);
      const reference =
        /(mentionne|vise|prevu|defini|designe|au sens)[a-z]*\s+(?:a|au|aux|de|du|des)(?:\s+l')?\s*(?:\d+° (?:du [ivx]+ )?de\s+l')?\s*$/.test(
          before,
        );
      for (const item of list.matchAll(new RegExp(ARTICLE, "g"))) {
        out.push({
          code,
          article: normaliseArticle(alinea.text.slice(start + (item.index ?? 0), start + (item.index ?? 0) + item[0].length)),
          alinea: alinea.number,
          start: start + (item.index ?? 0),
          end: start + (item.index ?? 0) + item[0].length,
          reference,
        });
      }
    }
    // A code named without an article reference ("Le code de procédure pénale est ainsi modifié")
    // is the context of the bare references that follow.
    lastCode = lastNamedBefore(named, folded.length) ?? lastCode;
  }
  return out;
}

const NAMED_CODE =
  /\bcode (?:de la securite interieure|de procedure penale|penal|des postes et des communications electroniques|de la defense)/g;

/** The codes most cited in surveillance bills named in a folded alinéa, with where (read once per alinéa). */
function namedCodes(folded: string): Array<{ readonly at: number; readonly code: string | null }> {
  return [...folded.matchAll(NAMED_CODE)].map((m) => ({ at: m.index ?? 0, code: codeId(m[0]) }));
}

/** The last of those codes named before a position, if any. */
function lastNamedBefore(named: ReadonlyArray<{ readonly at: number; readonly code: string | null }>, position: number): string | null {
  return named.filter((n) => n.at < position).at(-1)?.code ?? null;
}
