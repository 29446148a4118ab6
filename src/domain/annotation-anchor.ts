/**
 * Where an annotation stands in the version shown: a quoted passage is looked for in that
 * version (re-anchored to the alinéa that still has it); when the passage is gone, or when the
 * article changed since the version the annotation was written on, the page says so. Pure.
 */
import type { Alinea } from "./bill-text.js";
import { comparableText } from "./navette/similarity.js";

/** Result of {@link anchorAnnotation}. */
export type Anchor =
  | { readonly kind: "same-version"; readonly alinea: number | null }
  | { readonly kind: "anchored"; readonly alinea: number }
  | { readonly kind: "unchanged-article" }
  | { readonly kind: "changed"; readonly writtenOn: string };

/** Anchors an annotation written on `writtenOn` with `quote` in the `current` version (`currentStep`). */
export function anchorAnnotation(
  annotation: { readonly stepKey: string; readonly alinea: number | null; readonly quote: string | null },
  written: readonly Alinea[],
  current: readonly Alinea[],
  currentStep: string,
): Anchor {
  if (annotation.stepKey === currentStep) return { kind: "same-version", alinea: annotation.alinea };
  // A quote is looked for whatever its case, spacing and typographic quotes or apostrophes.
  if (annotation.quote && fold(annotation.quote)) {
    const found = anchorQuote(annotation.quote, current);
    return found !== undefined ? { kind: "anchored", alinea: found } : { kind: "changed", writtenOn: annotation.stepKey };
  }
  const same = written.length === current.length && written.every((a, i) => comparableText(a.text) === comparableText(current[i]!.text));
  return same ? { kind: "unchanged-article" } : { kind: "changed", writtenOn: annotation.stepKey };
}

const fold = (text: string): string => comparableText(text).toLowerCase();

/** The number of the first alinéa holding `quote` (whatever its case, spacing and typography), if any. */
export function anchorQuote(quote: string, alineas: readonly Alinea[]): number | undefined {
  const wanted = fold(quote);
  return wanted ? alineas.find((a) => fold(a.text).includes(wanted))?.number : undefined;
}
