/**
 * The steps of a navette as the engine sees them, and which earlier step each one is compared
 * with. Pure.
 */
import type { Reading, Stage, StepPlace } from "../dossier.js";
import type { VersionArticle } from "./completion.js";
import type { Censure } from "../constitutional-decision.js";

/** One step with its text (null when no text is known for it). */
export interface NavetteStep {
  readonly key: string;
  readonly place: StepPlace;
  readonly reading: Reading;
  readonly stage: Stage;
  readonly date: string | null;
  /** False for a failed step: CMP disagreement, text rejected, no committee text. */
  readonly succeeded: boolean;
  readonly textUid: string | null;
  readonly articles: readonly VersionArticle[] | null;
  /** True for the promulgated law, whose numbering is final (articles paired by content). */
  readonly renumbered?: boolean;
  /** For a decision of the Conseil constitutionnel: what it censured in the text before it. */
  readonly censures?: readonly Censure[];
}

/** True for a step whose text can be compared (it succeeded and has articles, or censured some). */
export function hasText(step: NavetteStep): boolean {
  return step.succeeded && ((step.articles !== null && step.articles.length > 0) || (step.censures?.length ?? 0) > 0);
}

/**
 * Steps before `index` that can no longer serve as a base: after a failed step of a reading
 * (text rejected, sent back to committee), the earlier committee and séance texts of that place
 * and reading are void; after a failed CMP, every CMP text is void.
 */
function voidSteps(steps: readonly NavetteStep[], index: number): Set<number> {
  const out = new Set<number>();
  for (let f = 0; f < index; f++) {
    const failed = steps[f] as NavetteStep;
    if (failed.succeeded) continue;
    for (let i = 0; i < f; i++) {
      const step = steps[i] as NavetteStep;
      if (failed.reading === "cmp" && step.reading === "cmp") out.add(i);
      else if (step.reading === failed.reading && step.place === failed.place && step.stage !== "depot") out.add(i);
    }
    if (failed.reading === "cmp") out.add(f);
  }
  return out;
}

/**
 * Index of the step whose text `index` is compared with, or null for the first text:
 * - failed steps, steps without text and void steps (see above) are skipped;
 * - in a lecture définitive, the base is the Assemblée's last nouvelle lecture text (or the
 *   CMP text when there was none), since the AN can only take up its own last text;
 * - otherwise the most recent earlier step with a text (the CMP séance thus reads the CMP text,
 *   a nouvelle lecture after a failed CMP the last text adopted before the CMP).
 */
export function baseStepIndex(steps: readonly NavetteStep[], index: number): number | null {
  const step = steps[index];
  if (!step) return null;
  const excluded = voidSteps(steps, index);
  const usable = (i: number): boolean => !excluded.has(i) && hasText(steps[i] as NavetteStep);
  if (step.reading === "lecture_definitive") {
    for (let i = index - 1; i >= 0; i--) {
      const candidate = steps[i] as NavetteStep;
      if (usable(i) && candidate.reading === "nouvelle_lecture" && candidate.place === "AN" && candidate.stage === "seance") return i;
    }
    for (let i = index - 1; i >= 0; i--) if (usable(i) && (steps[i] as NavetteStep).reading === "cmp") return i;
  }
  for (let i = index - 1; i >= 0; i--) if (usable(i)) return i;
  return null;
}

/**
 * Index of the step whose text the amendments examined at `index` were filed on: the latest
 * valid text of the same place and reading (the dépôt for the committee, the committee text for
 * the séance), else the text base. `usable` says which steps count (by default, those whose
 * content is known; amendments only need the text's uid).
 */
export function amendmentBaseIndex(
  steps: readonly NavetteStep[],
  index: number,
  usable: (step: NavetteStep) => boolean = hasText,
): number | null {
  const step = steps[index];
  if (!step) return null;
  const excluded = voidSteps(steps, index);
  for (let i = index - 1; i >= 0; i--) {
    const candidate = steps[i] as NavetteStep;
    if (candidate.reading !== step.reading || candidate.place !== step.place) break;
    if (!excluded.has(i) && usable(candidate)) return i;
  }
  return baseStepIndex(steps, index);
}

/** A step whose text is known by its uid, even if its content was not imported. */
export function hasTextUid(step: NavetteStep): boolean {
  return step.succeeded && step.textUid !== null;
}

/** Index of the last text adopted in séance by the other chamber before `index`, if any. */
export function otherChamberAdoptedIndex(steps: readonly NavetteStep[], index: number): number | null {
  const step = steps[index];
  if (!step || (step.place !== "AN" && step.place !== "SN")) return null;
  for (let i = index - 1; i >= 0; i--) {
    const candidate = steps[i] as NavetteStep;
    if (
      hasText(candidate) &&
      candidate.stage === "seance" &&
      candidate.place !== step.place &&
      (candidate.place === "AN" || candidate.place === "SN")
    )
      return i;
  }
  return null;
}
