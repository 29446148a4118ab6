/**
 * Normalises the state (*état*, *sous-état*) and outcome (*sort*) that the chambers publish into
 * the one {@link AmendmentOutcome} vocabulary.
 */
import type { AmendmentOutcome } from "./amendment.js";

/** What a chamber publishes about where an amendment stands. Any part may be missing. */
export interface PublishedState {
  readonly state?: string | null;
  readonly subState?: string | null;
  readonly sort?: string | null;
}

/** Result of {@link normaliseOutcome}. */
export interface NormalisedOutcome {
  readonly outcome: AmendmentOutcome;
  /** The precise wording worth showing next to the outcome, when it says more than the outcome. */
  readonly detail: string | null;
  /** False when a published value was not understood (the outcome is then `inconnu`). */
  readonly understood: boolean;
}

/** Lower-case, accent-free, single-spaced form used to compare published labels. */
export function foldLabel(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u00a0\s]+/g, " ")
    .trim()
    .toLowerCase();
}

/** Outcomes that a decision label announces ("Adopté", "Rejeté", "Tombé"…). */
function outcomeOfDecision(folded: string): AmendmentOutcome | null {
  if (folded.startsWith("adopte")) return "adopte";
  if (folded.startsWith("rejete")) return "rejete";
  if (folded.startsWith("retire")) return "retire";
  // « Effacé »: taken out of the amendments by its author or the services, like a withdrawal (the wording is kept as detail).
  if (folded.startsWith("efface")) return "retire";
  if (folded.startsWith("tombe")) return "tombe";
  if (folded.startsWith("non soutenu") || folded === "non-soutenu") return "non_soutenu";
  if (folded.startsWith("irrecevable") || folded.startsWith("irr")) return "irrecevable";
  if (folded.startsWith("non examine") || folded.startsWith("non-examine")) return "non_examine";
  if (folded.startsWith("satisfait") || folded.startsWith("sans objet")) return "satisfait";
  return null;
}

/** States that say no decision has been taken yet. */
const PENDING_STATES = new Set([
  "en traitement",
  "en recevabilite",
  "a discuter",
  "a traiter",
  "depose",
  "discute",
  "en cours",
  "recevable",
  "di",
  "ac",
  "at",
  "et",
]);

/** Short codes used instead of labels in some AN exports. */
const STATE_CODES: Readonly<Record<string, AmendmentOutcome>> = {
  rt: "retire",
  ir: "irrecevable",
  irr: "irrecevable",
  irr40: "irrecevable",
  irr45: "irrecevable",
  irrsa: "irrecevable",
  to: "tombe",
  ns: "non_soutenu",
  ne: "non_examine",
};

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.replace(/[\u00a0\s]+/g, " ").trim();
  return trimmed === "" ? null : trimmed;
}

/**
 * Derives the outcome from what was published. The *sort* wins when present, then the
 * *sous-état* ("Adopté" under "Discuté"), then the *état* ("Retiré", "Irrecevable", "En traitement").
 */
export function normaliseOutcome(published: PublishedState): NormalisedOutcome {
  const state = clean(published.state);
  const subState = clean(published.subState);
  const sort = clean(published.sort);

  for (const candidate of [sort, subState]) {
    if (!candidate) continue;
    const outcome = outcomeOfDecision(foldLabel(candidate));
    if (outcome) return { outcome, detail: detailFor(outcome, state, subState, sort), understood: true };
  }
  if (state) {
    const folded = foldLabel(state);
    const outcome = outcomeOfDecision(folded) ?? STATE_CODES[folded] ?? null;
    if (outcome) {
      // A state that says more than its outcome (« Effacé » for a withdrawal) is the detail when nothing else is.
      const detail =
        detailFor(outcome, state, subState, sort) ?? (outcomeOfDecision(folded) === outcome && !BARE.has(folded) ? state : null);
      return { outcome, detail, understood: true };
    }
    if (PENDING_STATES.has(folded)) return { outcome: "en_cours", detail: subState ?? state, understood: true };
    return { outcome: "inconnu", detail: [state, subState, sort].filter(Boolean).join(" — "), understood: false };
  }
  if (sort || subState) {
    return { outcome: "inconnu", detail: [subState, sort].filter(Boolean).join(" — "), understood: false };
  }
  return { outcome: "en_cours", detail: null, understood: true };
}

/** Keeps the wording that says more than the bare outcome ("Irrecevable 40 — Gage", "Retiré après publication"). */
const BARE = new Set(["adopte", "rejete", "retire", "tombe", "non soutenu", "irrecevable", "discute"]);

function detailFor(outcome: AmendmentOutcome, state: string | null, subState: string | null, sort: string | null): string | null {
  const bare = BARE;
  const parts: string[] = [];
  for (const part of outcome === "irrecevable" ? [state, subState, sort] : [subState, sort]) {
    if (!part) continue;
    const folded = foldLabel(part);
    if (bare.has(folded) || STATE_CODES[folded] || parts.some((p) => foldLabel(p) === folded)) continue;
    parts.push(part);
  }
  if (outcome === "irrecevable" && parts.length === 1 && state && foldLabel(state) === "irrecevable") {
    return `Irrecevable — ${parts[0]}`;
  }
  return parts.length ? parts.join(" — ") : null;
}
