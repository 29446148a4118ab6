/**
 * Fast text similarity for pairing articles: word-shingle sets compared with the Dice
 * coefficient. Linear in the length of the texts (a 10,000-character pair takes well under a
 * millisecond), unlike an edit distance.
 */

/** Lower-case words, accents and punctuation kept apart from letters so that "l’État" ≈ "l'État". */
export function words(text: string): string[] {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[«»"“”]/g, " ")
    .split(/[^\p{L}\p{N}°]+/u)
    .filter((w) => w !== "");
}

/** 32-bit FNV-1a hash of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Set of hashed word shingles (n consecutive words). Short texts fall back to single words. */
export function shingles(text: string, size = 3): Set<number> {
  const list = words(text);
  const out = new Set<number>();
  if (list.length < size) {
    for (const w of list) out.add(hash(w));
    return out;
  }
  for (let i = 0; i + size <= list.length; i++) out.add(hash(list.slice(i, i + size).join(" ")));
  return out;
}

/** Dice coefficient of two shingle sets, in [0, 1] (1 for two empty texts). */
export function diceSimilarity(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const item of small) if (large.has(item)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Similarity of two texts in [0, 1]. */
export function textSimilarity(a: string, b: string): number {
  return diceSimilarity(shingles(a), shingles(b));
}

const comparableCache = new Map<string, string>();

/** Normal form used to decide that two alinéas say the same thing (spaces, quotes, dashes folded). */
export function comparableText(text: string): string {
  const cached = comparableCache.get(text);
  if (cached !== undefined) return cached;
  // The same alinéas are compared many times across the steps of a bill: keep a bounded memo.
  if (comparableCache.size > 100_000) comparableCache.clear();
  const value = foldForComparison(text);
  comparableCache.set(text, value);
  return value;
}

function foldForComparison(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u00a0\u202f\s]+/g, " ")
    .replace(/[«»"“”]/g, '"')
    .replace(/[’‘]/g, "'")
    .replace(/[–—]/g, "-")
    .replace(/\s*"\s*/g, '"')
    .trim();
}
