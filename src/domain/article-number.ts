/**
 * Article numbers as the navette prints them: "1er", "8 ter", "4 bis A", "2 bis AA", "liminaire".
 *
 * An {@link ArticleNumber} is the identity of an article during the navette; its
 * {@link ArticleNumber.sortKey} gives the order the chambers use, where an article inserted
 * *before* another gets a capital letter: 4 A < 4 < 4 bis A < 4 bis < 4 ter.
 */

/** Latin multiplicative adverbs used as suffixes, in order (index 1 = bis). Variants map to the same rank. */
const LATIN_SUFFIXES: readonly (readonly string[])[] = [
  ["bis"],
  ["ter"],
  ["quater"],
  ["quinquies"],
  ["sexies"],
  ["septies"],
  ["octies"],
  ["nonies", "novies"],
  ["decies"],
  ["undecies"],
  ["duodecies"],
  ["terdecies", "tredecies"],
  ["quaterdecies", "quatuordecies"],
  ["quindecies", "quinquiesdecies"],
  ["sexdecies", "sexiesdecies"],
  ["septdecies", "septiesdecies"],
  ["octodecies", "octiesdecies", "duodevicies"],
  ["novodecies", "noviesdecies", "undevicies"],
  ["vicies"],
  ["unvicies", "semel vicies"],
  ["duovicies", "bis vicies"],
  ["tervicies", "ter vicies"],
  ["quatervicies", "quater vicies"],
  ["quinvicies", "quinquies vicies"],
  ["sexvicies", "sexies vicies"],
  ["septvicies", "septies vicies"],
  ["octovicies", "octies vicies", "duodetricies"],
  ["novovicies", "novies vicies", "undetricies"],
  ["tricies"],
];

const LATIN_RANK = new Map<string, number>();
LATIN_SUFFIXES.forEach((variants, index) => {
  for (const variant of variants) LATIN_RANK.set(variant, index + 1);
});

/** Canonical spelling of a Latin suffix rank (1 → "bis"). */
export function latinSuffix(rank: number): string | undefined {
  return LATIN_SUFFIXES[rank - 1]?.[0];
}

/** Special article names that are not numbered. */
export type SpecialArticle = "liminaire" | "unique";

/** A parsed article number. */
export interface ArticleNumber {
  /** Canonical text, e.g. "1er", "8 ter", "4 bis A", "liminaire". */
  readonly canonical: string;
  /** Base number (0 for "liminaire"). */
  readonly base: number;
  /** Rank of the Latin suffix (0 = none, 1 = bis, 2 = ter…). */
  readonly latin: number;
  /** Capital-letter insertion suffix ("A", "AA", "B"), empty when none. */
  readonly letters: string;
  readonly special?: SpecialArticle;
  /** String whose lexicographic order is the navette order. */
  readonly sortKey: string;
}

const LATIN_ALTERNATION = [...LATIN_RANK.keys()]
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/ /g, "\\s+"))
  .join("|");

const NUMBER_PATTERN = new RegExp(`^(\\d+)\\s*(?:er|re|ème|e)?\\b\\s*(?:(${LATIN_ALTERNATION})\\b)?\\s*([A-Z]{1,3})?$`, "i");

/** Removes accents, folds whitespace and drops the words around the number ("Article", "ART.", "(nouveau)"). */
function stripDecorations(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/[\u00a0\u202f\s]+/g, " ")
    .replace(/\((?:[^)]*)\)/g, " ")
    .replace(/^\s*(?:(?:avant|après|apres)\s+(?:l['’]\s*)?)?/i, "")
    .replace(/^\s*(?:articles?|art\.?)\s*/i, "")
    .replace(/[.\s–—-]+$/u, "")
    .trim();
}

/**
 * Parses an article number as printed in texts and amendments.
 *
 * Accepts "1er", "1", "premier", "PREMIER", "Article 8 ter (nouveau)", "ART. 8 TER", "4 bis A",
 * "2 bis AA", "liminaire", "unique". Returns `null` when the text is not an article number.
 */
export function parseArticleNumber(raw: string): ArticleNumber | null {
  const text = stripDecorations(raw);
  if (text === "") return null;
  const lower = text.toLowerCase();
  if (lower === "liminaire") return make(0, 0, "", "liminaire");
  if (lower === "unique") return make(1, 0, "", "unique");
  const normalised = text.replace(/^premier\b/i, "1");
  const match = NUMBER_PATTERN.exec(normalised);
  if (!match) return null;
  const base = Number(match[1]);
  const latinText = match[2]?.toLowerCase().replace(/\s+/g, " ");
  const latin = latinText ? (LATIN_RANK.get(latinText) ?? -1) : 0;
  if (latin < 0) return null;
  const letters = (match[3] ?? "").toUpperCase();
  // A lowercase single letter after the number without Latin suffix ("8 a") is not a navette number.
  if (match[3] && match[3] !== match[3].toUpperCase()) return null;
  return make(base, latin, letters);
}

function make(base: number, latin: number, letters: string, special?: SpecialArticle): ArticleNumber {
  let canonical: string;
  if (special) canonical = special;
  else {
    const parts = [base === 1 ? "1er" : String(base)];
    const suffix = latinSuffix(latin);
    if (suffix) parts.push(suffix);
    if (letters) parts.push(letters);
    canonical = parts.join(" ");
  }
  // '~' sorts after every capital letter: "AA~" < "A~" < "B~" < "~" (no letter comes last).
  const sortKey = `${String(base).padStart(5, "0")}.${String(latin).padStart(2, "0")}.${letters}~`;
  return special ? { canonical, base, latin, letters, special, sortKey } : { canonical, base, latin, letters, sortKey };
}

/** Compares two article numbers in navette order (negative when `a` comes first). */
export function compareArticleNumbers(a: ArticleNumber, b: ArticleNumber): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
}

/** Canonical form of a raw article number, or `null` when it does not parse. */
export function canonicalArticleNumber(raw: string): string | null {
  return parseArticleNumber(raw)?.canonical ?? null;
}
