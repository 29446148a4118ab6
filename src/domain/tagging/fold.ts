/**
 * Folding text for matching (lower case, no accents, one kind of apostrophe, hyphen and space)
 * while keeping every character at its place, so that a match gives offsets in the original.
 */

const SPECIAL: Readonly<Record<string, string>> = {
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

/** Same length as the input: each character folded on its own. */
export function foldKeepingOffsets(text: string): string {
  let out = "";
  for (const char of text) {
    const special = SPECIAL[char];
    if (special !== undefined) {
      out += special;
      continue;
    }
    const base = char.normalize("NFD").charAt(0).toLowerCase();
    // Characters whose lower case changes length are kept as they are.
    out += base.length === char.length ? base : char;
  }
  return out;
}
