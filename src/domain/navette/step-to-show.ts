/**
 * Which version of an article a page shows (and annotates) when the reader has not chosen one:
 * the last version in force, with text, not a last step where the article is deleted or out of
 * the text.
 */

/** A version of an article, as far as choosing one to show goes. */
export interface ShowableStep {
  readonly stepKey: string;
  readonly status?: string;
  readonly alineas: readonly unknown[];
}

/** True when the article is in this version's text: neither deleted nor out of it, and with alinéas. */
export const inForce = (s: ShowableStep): boolean => s.status !== "deleted" && s.status !== "absent" && s.alineas.length > 0;

/** The step asked for when it exists, else the last step in force with text, else the last step. */
export function stepToShow<T extends ShowableStep>(steps: readonly T[], requested: string | null | undefined): T | undefined {
  return steps.find((s) => s.stepKey === requested) ?? steps.findLast(inForce) ?? steps.at(-1);
}
