/**
 * Article headings as texts print them, and the status markers that go with them:
 * "Article 8 ter (nouveau)", "Article 15 (Supprimé)", "Articles 19 à 24 (Conformes)",
 * "Articles 11 bis A, 11 bis B et 11 bis C", and the partial mentions inside an article,
 * "II et III. – (Non modifiés)", "1° (Non modifié)".
 */
import { foldLabel } from "./amendment-outcome.js";
import { latinSuffix, parseArticleNumber, type ArticleNumber } from "./article-number.js";

/** Markers printed next to an article number or on the line after it. */
export const ARTICLE_MARKERS = [
  "nouveau",
  "supprime",
  "suppression_maintenue",
  "suppression_conforme",
  "non_modifie",
  "conforme",
  "censure",
  "pour_coordination",
  "reserve",
] as const;
export type ArticleMarker = (typeof ARTICLE_MARKERS)[number];

export const MARKER_LABELS: Readonly<Record<ArticleMarker, string>> = {
  nouveau: "nouveau",
  supprime: "Supprimé",
  suppression_maintenue: "Suppression maintenue",
  suppression_conforme: "Suppression conforme",
  non_modifie: "Non modifié",
  conforme: "Conforme",
  censure: "Censuré",
  pour_coordination: "Pour coordination",
  reserve: "Réservé",
};

/** What an article's text is, given its markers. */
export type PrintedStatus = "texte" | "supprime" | "non_modifie" | "conforme" | "censure";

/** Reads one parenthesised marker ("Supprimés", "Non modifié", "nouveau"); null when it is not one. */
export function parseMarker(raw: string): ArticleMarker | null {
  const folded = foldLabel(raw.replace(/[()]/g, ""));
  if (/^nouveau(x|elle|elles)?$/.test(folded)) return "nouveau";
  if (/^suppression maintenue$/.test(folded)) return "suppression_maintenue";
  if (/^suppression conforme$/.test(folded)) return "suppression_conforme";
  if (/^supprime(e|s|es)?$/.test(folded)) return "supprime";
  if (/^non[ -]modifie(e|s|es)?$/.test(folded)) return "non_modifie";
  if (/^conforme(s)?$/.test(folded)) return "conforme";
  if (/^censure(e|s|es)?( par le conseil constitutionnel)?$/.test(folded)) return "censure";
  // The Journal officiel keeps a censured article's number: « [Dispositions déclarées non conformes à la Constitution par la décision … DC du …] ».
  if (/^(les )?dispositions? declarees? non conformes? a la constitution\b/.test(folded)) return "censure";
  if (/^pour coordination$/.test(folded)) return "pour_coordination";
  if (/^reserve(e|s|es)?$/.test(folded)) return "reserve";
  return null;
}

/**
 * All markers in a text ("(nouveau) (Supprimé)" → nouveau, supprime), and the bracketed censure
 * notice of the Journal officiel; unknown parentheses are ignored.
 */
export function parseMarkers(raw: string): ArticleMarker[] {
  const out: ArticleMarker[] = [];
  for (const match of raw.matchAll(/\(([^()]{2,60})\)|\[([^[\]]{2,300})\]/g)) {
    const marker = parseMarker(match[1] ?? match[2] ?? "");
    if (marker && !out.includes(marker)) out.push(marker);
  }
  return out;
}

/** The printed status an article's markers imply. */
export function printedStatus(markers: readonly ArticleMarker[]): PrintedStatus {
  if (markers.includes("censure")) return "censure";
  if (markers.some((m) => m === "supprime" || m === "suppression_maintenue" || m === "suppression_conforme")) return "supprime";
  if (markers.includes("conforme")) return "conforme";
  if (markers.includes("non_modifie")) return "non_modifie";
  return "texte";
}

/** A parsed article heading. */
export interface ArticleHeading {
  /** Heading as printed, spaces folded. */
  readonly raw: string;
  /** The articles the heading announces (one, a list, or an expanded range). */
  readonly numbers: ArticleNumber[];
  /** For a range ("19 à 24"), its bounds; `expanded` is false when the members cannot be known without the previous version. */
  readonly range: { readonly from: ArticleNumber; readonly to: ArticleNumber; readonly expanded: boolean } | null;
  readonly markers: ArticleMarker[];
}

const HEADING_PREFIX = /^\s*articles?\s+/i;

/** True when a line looks like an article heading ("Article 2", "Articles 3 et 4", "Article liminaire"). */
export function looksLikeArticleHeading(text: string): boolean {
  const clean = text.replace(/[\u00a0\s]+/g, " ").trim();
  return /^articles?\s+(\d|premier|liminaire|unique)/i.test(clean) && clean.length < 200;
}

/**
 * Parses an article heading. Returns null when the text is not one, or when a number in it
 * does not parse.
 */
export function parseArticleHeading(text: string): ArticleHeading | null {
  const raw = text.replace(/[\u00a0\u202f\s]+/g, " ").trim();
  if (!looksLikeArticleHeading(raw)) return null;
  const markers = parseMarkers(raw);
  const body = raw
    .replace(HEADING_PREFIX, "")
    .replace(/\([^()]*\)/g, " ")
    .replace(/[.\s–—-]+$/u, "")
    .trim();
  const rangeMatch = /^(.+?)\s+à\s+(.+)$/i.exec(body);
  if (rangeMatch) {
    const from = parseArticleNumber(rangeMatch[1] ?? "");
    const to = parseArticleNumber(rangeMatch[2] ?? "");
    if (!from || !to) return null;
    const members = expandRange(from, to);
    return { raw, numbers: members ?? [from, to], range: { from, to, expanded: members !== null }, markers };
  }
  const parts = body.split(/\s*,\s*|\s+et\s+/i).filter((p) => p !== "");
  const numbers: ArticleNumber[] = [];
  for (const part of parts) {
    const parsed = parseArticleNumber(part);
    if (!parsed) return null;
    numbers.push(parsed);
  }
  if (numbers.length === 0) return null;
  return { raw, numbers, range: null, markers };
}

/**
 * Members of a range when they follow from its bounds alone: "19 à 24" (plain numbers),
 * "34 bis A à 34 bis D" (letters of one number), "17 bis à 17 sexies" (Latin suffixes of one
 * number). Null otherwise: "35 bis A à 35 ter" depends on which articles the previous text had.
 */
export function expandRange(from: ArticleNumber, to: ArticleNumber): ArticleNumber[] | null {
  if (from.special || to.special) return null;
  const make = (text: string): ArticleNumber => parseArticleNumber(text) as ArticleNumber;
  if (from.latin === 0 && to.latin === 0 && !from.letters && !to.letters && to.base >= from.base && to.base - from.base < 500) {
    return Array.from({ length: to.base - from.base + 1 }, (_, i) => make(String(from.base + i)));
  }
  if (
    from.base === to.base &&
    from.latin === to.latin &&
    from.letters.length === 1 &&
    to.letters.length === 1 &&
    to.letters >= from.letters
  ) {
    const prefix = [String(from.base), latinSuffix(from.latin)].filter(Boolean).join(" ");
    const start = from.letters.charCodeAt(0);
    return Array.from({ length: to.letters.charCodeAt(0) - start + 1 }, (_, i) => make(`${prefix} ${String.fromCharCode(start + i)}`));
  }
  if (from.base === to.base && !from.letters && !to.letters && to.latin >= from.latin && from.latin > 0) {
    return Array.from({ length: to.latin - from.latin + 1 }, (_, i) => make(`${from.base} ${latinSuffix(from.latin + i) ?? ""}`));
  }
  return null;
}

/** A partial placeholder inside an article: "II et III. – (Non modifiés)", "1° (Non modifié)". */
export interface PartPlaceholder {
  /** The parts named ("I", "II", "1°", "a"), as printed; a range is given by its bounds with `range` true. */
  readonly parts: string[];
  readonly range: boolean;
  readonly marker: ArticleMarker;
  /** Text that follows the marker on the same alinéa, if any ("1° (Non modifié) L'intitulé…"). */
  readonly rest: string;
}

const PART = String.raw`(?:[IVXLC]+(?:\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies))?(?:\s+[A-Z])?|\d+°(?:\s+(?:bis|ter|quater|quinquies|sexies))?(?:\s+[A-Z])?|[a-z]\))`;
const PLACEHOLDER = new RegExp(
  String.raw`^(${PART}(?:\s*,\s*${PART}|\s+(?:et|à)\s+${PART})*)\s*\.?\s*[–—-]?\s*\(((?:non[ -]modifi|supprim|conforme|censur)[^)]*)\)\s*(.*)$`,
  "iu",
);

/** Reads a partial placeholder alinéa; null when the alinéa is ordinary text. */
export function parsePartPlaceholder(alinea: string): PartPlaceholder | null {
  const text = alinea.replace(/[\u00a0\u202f\s]+/g, " ").trim();
  const match = PLACEHOLDER.exec(text);
  if (!match) return null;
  const marker = parseMarker(match[2] ?? "");
  if (!marker) return null;
  const list = match[1] ?? "";
  const parts = list
    .split(/\s*,\s*|\s+(?:et|à)\s+/u)
    .map((p) => p.trim())
    .filter(Boolean);
  return { parts, range: /\sà\s/u.test(list), marker, rest: (match[3] ?? "").trim() };
}
