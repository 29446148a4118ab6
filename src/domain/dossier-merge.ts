/**
 * One bill, two chambers: merging the Assemblée's and the Sénat's records of a dossier into one
 * ordered list of steps. Pure.
 */
import type { DossierRecord, DossierStep } from "./dossier.js";

/** Key of a step for matching across sources: where, which reading, which stage. */
function stepIdentity(step: DossierStep): string {
  return `${step.place}|${step.reading}|${step.stage}`;
}

/**
 * Merges a Sénat record into the Assemblée's: the AN's steps are kept (its open data is the
 * reference for both chambers' acts); a Sénat step fills the text the AN step lacks, and a step
 * only the Sénat knows is inserted after the last step dated on or before it.
 */
export function mergeDossiers(an: DossierRecord, senat: DossierRecord): DossierRecord {
  const steps: DossierStep[] = [...an.steps];
  const seen = new Map<string, number>();
  const occurrence = (step: DossierStep): number => {
    const key = stepIdentity(step);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n;
  };
  const anIndex = new Map<string, number>();
  const anSeen = new Map<string, number>();
  steps.forEach((step, i) => {
    const key = stepIdentity(step);
    const n = (anSeen.get(key) ?? 0) + 1;
    anSeen.set(key, n);
    anIndex.set(`${key}#${n}`, i);
  });
  for (const step of senat.steps) {
    const match = anIndex.get(`${stepIdentity(step)}#${occurrence(step)}`);
    if (match !== undefined) {
      const existing = steps[match] as DossierStep;
      if (!existing.textUid && step.textUid)
        steps[match] = { ...existing, textUid: step.textUid, textRole: step.textRole, details: { ...existing.details, source: "senat" } };
      else if (step.textUid && step.textUid !== existing.textUid)
        steps[match] = { ...existing, details: { ...existing.details, texteSenat: step.textUid } };
      continue;
    }
    let at = steps.length;
    if (step.date) {
      const after = steps.reduce((last, s, i) => (s.date && s.date <= step.date! ? i : last), -1);
      at = after + 1;
    }
    steps.splice(at, 0, { ...step, details: { ...step.details, source: "senat" } });
  }
  return { ...an, senatSignet: an.senatSignet ?? senat.senatSignet, senatUrl: an.senatUrl ?? senat.senatUrl, steps };
}
