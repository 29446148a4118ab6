/**
 * Pairing the articles of a renumbered text (the promulgated law: 8 ter may become 11) with the
 * articles of the navette, by content similarity and position. Pure.
 */
import { diceSimilarity, shingles } from "./similarity.js";

/** An article to pair: its number and text. */
export interface PairableArticle {
  readonly number: string;
  readonly text: string;
  /** Censured by the Conseil constitutionnel: the law prints its number, not its text. */
  readonly censured?: boolean;
}

/** Similarity below which two articles are not taken for the same one. */
export const PAIRING_THRESHOLD = 0.35;

/**
 * Pairs each article of `renumbered` with an article of `previous` (navette numbers). Order is
 * kept by an alignment that maximises total similarity (articles are rarely moved); articles
 * left over are then paired when very similar wherever they are. Returns renumbered number →
 * previous number. Censured articles, which the law prints by number without their text, are
 * paired by position: with the navette article that comes between their paired neighbours.
 */
export function pairRenumberedArticles(previous: readonly PairableArticle[], renumbered: readonly PairableArticle[]): Map<string, string> {
  const a = previous.map((p) => shingles(p.text));
  const b = renumbered.map((r) => shingles(r.text));
  const n = a.length;
  const m = b.length;
  const sim = (i: number, j: number): number => diceSimilarity(a[i]!, b[j]!);
  const cache = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) cache[i * m + j] = sim(i, j);
  // score[i][j]: best total similarity aligning previous[i..] with renumbered[j..].
  const score = new Float64Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = cache[i * m + j]!;
      const take = s >= PAIRING_THRESHOLD ? s + score[(i + 1) * (m + 1) + j + 1]! : -Infinity;
      score[i * (m + 1) + j] = Math.max(take, score[(i + 1) * (m + 1) + j]!, score[i * (m + 1) + j + 1]!);
    }
  }
  const pairs = new Map<string, string>();
  const usedPrevious = new Set<number>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = cache[i * m + j]!;
    const here = score[i * (m + 1) + j]!;
    if (s >= PAIRING_THRESHOLD && Math.abs(here - (s + score[(i + 1) * (m + 1) + j + 1]!)) < 1e-12) {
      pairs.set(renumbered[j]!.number, previous[i]!.number);
      usedPrevious.add(i);
      i++;
      j++;
    } else if (Math.abs(here - score[(i + 1) * (m + 1) + j]!) < 1e-12) i++;
    else j++;
  }
  // Moved articles: pair what is left when clearly the same text.
  for (let jj = 0; jj < m; jj++) {
    if (pairs.has(renumbered[jj]!.number)) continue;
    let best = -1;
    let bestScore = 0.6;
    for (let ii = 0; ii < n; ii++) {
      if (usedPrevious.has(ii)) continue;
      const s = cache[ii * m + jj]!;
      if (s > bestScore) {
        best = ii;
        bestScore = s;
      }
    }
    if (best >= 0) {
      pairs.set(renumbered[jj]!.number, previous[best]!.number);
      usedPrevious.add(best);
    }
  }
  pairCensuredByPosition(previous, renumbered, pairs, usedPrevious);
  return pairs;
}

/** Pairs each censured, unpaired article with the next unused navette article before the next paired one. */
function pairCensuredByPosition(
  previous: readonly PairableArticle[],
  renumbered: readonly PairableArticle[],
  pairs: Map<string, string>,
  usedPrevious: Set<number>,
): void {
  const previousIndex = new Map(previous.map((p, i) => [p.number, i]));
  const pairedIndex = (j: number): number | undefined => {
    const number = pairs.get(renumbered[j]!.number);
    return number === undefined ? undefined : previousIndex.get(number);
  };
  let last = -1;
  for (let j = 0; j < renumbered.length; j++) {
    const here = pairedIndex(j);
    if (here !== undefined) {
      last = here;
      continue;
    }
    if (!renumbered[j]!.censured) continue;
    let limit = previous.length;
    for (let k = j + 1; k < renumbered.length; k++) {
      const next = pairedIndex(k);
      if (next !== undefined) {
        limit = next;
        break;
      }
    }
    for (let i = last + 1; i < limit; i++) {
      if (usedPrevious.has(i)) continue;
      pairs.set(renumbered[j]!.number, previous[i]!.number);
      usedPrevious.add(i);
      last = i;
      break;
    }
  }
}
