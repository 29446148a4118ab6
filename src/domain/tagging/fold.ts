/**
 * Folding text for matching (lower case, no accents, one kind of apostrophe, hyphen and space)
 * while keeping every character at its place, so that a match gives offsets in the original.
 */

/** Characters folded to another: apostrophes, dashes, spaces. */
export const SPECIAL: Readonly<Record<string, string>> = {
  "’": "'",
  "‘": "'",
  "\u2011": "-",
  "\u2010": "-",
  "–": "-",
  "—": "-",
  "\u00a0": " ",
  "\u202f": " ",
  "\t": " ",
  "\n": " ",
};

/** Folded form of each non-ASCII character met so far (a text uses few distinct ones). */
const folds = new Map<string, string>(Object.entries(SPECIAL));

function foldChar(char: string): string {
  let folded = folds.get(char);
  if (folded === undefined) {
    const base = char.normalize("NFD").charAt(0).toLowerCase();
    // Characters whose lower case changes length are kept as they are.
    folded = base.length === char.length ? base : char;
    folds.set(char, folded);
  }
  return folded;
}

/** Same length as the input: each character folded on its own. */
export function foldKeepingOffsets(text: string): string {
  // ASCII, which most of a French text is, is folded without a lookup.
  if (/^[\x20-\x40\x5b-\x7e]*$/.test(text)) return text;
  let out = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 32);
    else if (code >= 0x20 && code < 0x7f) out += char;
    else out += foldChar(char);
  }
  return out;
}
