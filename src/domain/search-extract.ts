/**
 * What a search compares and what a results page shows: text folded the way both search engines
 * compare it, the words of a query, and an extract of a document around what was found, cut
 * between words, with every word that matched marked — the words as they are written in the
 * document, never characters picked by offsets computed on another form of the text.
 */

/** Lower case without accents: what both engines compare. */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘]/g, "'");
}

/**
 * Words of a query, folded, without operators (user input never reaches the engine's syntax):
 * words of two letters or more, and numbers of any length (« 8 ter », « article 1 »).
 */
export function queryWords(query: string): string[] {
  return foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 || /^\p{N}+$/u.test(w))
    .slice(0, 12);
}

/** One piece of an extract: text as written, marked when it is a word the query found. */
export interface ExtractPart {
  readonly text: string;
  readonly mark: boolean;
}

/** A word of a document and where it stands. */
interface Token {
  readonly start: number;
  readonly end: number;
  readonly matched: boolean;
}

/**
 * True when a document's word (folded) is one the query asked for: the same word, or one that
 * starts with it (the last word is a prefix; plurals and feminines of the others, « chiffrées »
 * for « chiffre »: what PostgreSQL's French stemming also finds).
 */
function wordMatches(folded: string, words: readonly string[]): boolean {
  return words.some((w, i) => folded === w || (folded.startsWith(w) && (i === words.length - 1 || w.length >= 4)));
}

function tokens(text: string, words: readonly string[]): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    out.push({ start: m.index, end: m.index + m[0].length, matched: wordMatches(foldForSearch(m[0]), words) });
  }
  return out;
}

/** The first whitespace at or after `from` (or the end), so that an extract never starts mid-word. */
function wordStartAfter(text: string, from: number): number {
  if (from <= 0) return 0;
  const space = text.slice(from).search(/\s/u);
  return space < 0 ? text.length : from + space + 1;
}

/** The last whitespace at or before `to` (or the start), so that an extract never ends mid-word. */
function wordEndBefore(text: string, to: number, atLeast: number): number {
  if (to >= text.length) return text.length;
  const head = text.slice(0, to + 1);
  const space = Math.max(head.lastIndexOf(" "), head.lastIndexOf("\n"));
  return space > atLeast ? space : to;
}

/**
 * An extract of about `width` characters of `text` around the first word the query found, cut
 * between words, « … » where text was left out, every matching word in it marked.
 */
export function searchExtract(text: string, query: string, width = 220): ExtractPart[] {
  const words = queryWords(query);
  const all = tokens(text, words);
  const first = all.find((t) => t.matched);
  const centre = first ? first.start : 0;
  const start = first ? wordStartAfter(text, Math.max(0, centre - Math.floor(width / 2))) : 0;
  const end = wordEndBefore(text, Math.min(text.length, Math.max(start, centre) + width), first?.end ?? start);
  const parts: ExtractPart[] = [];
  let at = start;
  const push = (piece: string, mark: boolean) => {
    if (piece) parts.push({ text: piece.replace(/\s+/g, " "), mark });
  };
  for (const t of all) {
    if (!t.matched || t.start < start || t.end > end) continue;
    push(text.slice(at, t.start), false);
    push(text.slice(t.start, t.end), true);
    at = t.end;
  }
  push(text.slice(at, end), false);
  if (start > 0) parts.unshift({ text: "… ", mark: false });
  if (end < text.length) parts.push({ text: " …", mark: false });
  return parts;
}
