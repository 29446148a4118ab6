/**
 * What counts as a change of an article's wording, for its status (« Modifié » or « Inchangé »).
 * The texts a bill goes through are re-typed at every step: a capital loses its accent (« État »,
 * « Etat »), a comma or a case changes, items are renumbered once a « (Supprimé) » item is dropped
 * at the CMP or in the law (« II. - » becomes « I. - »), an alinéa is split in two. None of this
 * changes what the article says, and users following a bill must not see « Modifié » for it. The
 * diff between two versions still shows every character that changed.
 *
 * Two versions have the same substance when, once placeholder alinéas (« 5° (Supprimé) ») are left
 * out, leading item markers (« I. - », « 2° bis », « a) », « - ») removed, case, accents, spacing
 * and punctuation ignored, their letters and digits are the same in the same order.
 */

/** An alinéa's text, as the engine holds it. */
interface HasText {
  readonly text: string;
}

/** A whole alinéa that only says an item was deleted or kept: « 5° (Supprimé) », « II. - (Non modifié) ». */
const PLACEHOLDER = /^\s*(?:[\w°]+(?:\s+(?:bis|ter|quater|[A-Z]))?\s*[.)°]?\s*(?:-|–|—)?\s*)?\((?:supprimés?|non modifiés?)\)\s*\.?\s*$/i;

/** A leading item marker: « I. - », « II bis. – », « 1° », « 2° bis », « a) », « A. - », « - », also inside a quotation (« "1° A … »). */
const ITEM_MARKER =
  /^\s*["«“]?\s*(?:(?:[IVXLC]+|[A-Z]|\d+)(?:\s+(?:bis|ter|quater|quinquies|sexies|[A-Z]{1,2}))?\s*(?:\.\s*(?:-|–|—)|°(?:\s+(?:bis|ter|quater|quinquies|sexies|[A-Z]{1,2}(?=\s)(?!\s+\p{Ll})))?|\)|\.)|[a-z]\)|[-–—•])\s*/u;

const cache = new Map<string, string>();

/** The words of an alinéa, without its item marker, case, accents or punctuation. */
function alineaWords(text: string): string {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  if (cache.size > 100_000) cache.clear();
  const words = text
    .replace(ITEM_MARKER, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    // Letters and digits only: spacing and punctuation (« L. O. 135 », « LO 135 ») do not count.
    .replace(/[^\p{L}\p{N}]+/gu, "");
  cache.set(text, words);
  return words;
}

/** The words of a version, alinéas joined, placeholders left out. */
export function substanceOf(alineas: readonly HasText[]): string {
  return alineas
    .filter((a) => !PLACEHOLDER.test(a.text))
    .map((a) => alineaWords(a.text))
    .filter((words) => words !== "")
    .join("");
}

/** Whether two versions of an article say the same thing in the same words (see above). */
export function sameSubstance(a: readonly HasText[], b: readonly HasText[]): boolean {
  return substanceOf(a) === substanceOf(b);
}
