/**
 * A bill (*dossier législatif*) and the steps of its navette.
 */
import type { Chamber } from "./amendment.js";

/** The reading a step belongs to. */
export const READINGS = [
  "1re_lecture",
  "2e_lecture",
  "3e_lecture",
  "lecture_unique",
  "cmp",
  "nouvelle_lecture",
  "lecture_definitive",
  "conseil_constitutionnel",
  "promulgation",
  "autre",
] as const;
export type Reading = (typeof READINGS)[number];

export const READING_LABELS: Readonly<Record<Reading, string>> = {
  "1re_lecture": "1re lecture",
  "2e_lecture": "2e lecture",
  "3e_lecture": "3e lecture",
  lecture_unique: "Lecture unique",
  cmp: "Commission mixte paritaire",
  nouvelle_lecture: "Nouvelle lecture",
  lecture_definitive: "Lecture définitive",
  conseil_constitutionnel: "Conseil constitutionnel",
  promulgation: "Promulgation",
  autre: "Autre",
};

/** What happens at a step. */
export const STAGES = ["depot", "commission", "seance", "cmp", "conseil_constitutionnel", "promulgation"] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  depot: "Dépôt",
  commission: "Commission",
  seance: "Séance publique",
  cmp: "Décision de la CMP",
  conseil_constitutionnel: "Décision du Conseil constitutionnel",
  promulgation: "Promulgation",
};

/** Where the step took place: a chamber, the joint committee, the Conseil constitutionnel, the executive. */
export type StepPlace = Chamber | "CMP" | "CC" | "PR";

/** Role of the text a step produces or examines. */
/** What a step's text is: tabled, a committee's, adopted in séance, or the law as promulgated. */
export type TextRole = "depose" | "commission" | "adopte" | "loi";

/** One step of the navette. */
export interface DossierStep {
  /** Code of the act in the source (AN: "AN1-COM-FOND-RAPPORT"). */
  readonly code: string;
  readonly place: StepPlace;
  readonly reading: Reading;
  readonly stage: Stage;
  /** ISO date (yyyy-mm-dd) when known. */
  readonly date: string | null;
  /** Text tabled, produced by the committee, or adopted at this step. */
  readonly textUid: string | null;
  readonly textRole: TextRole | null;
  /** Decision as published ("adopté", "modifié", "Désaccord", "Partiellement conforme"). */
  readonly outcome: string | null;
  /** False when the step failed (CMP disagreement, rejected text). */
  readonly succeeded: boolean;
  /** Extra facts: law number, Journal officiel reference, referral. */
  readonly details: Readonly<Record<string, string>>;
}

/** A bill with its steps, as importers produce it. */
export interface DossierRecord {
  readonly uid: string;
  readonly legislature: string | null;
  readonly title: string;
  /** Short path used by the chamber's site. */
  readonly slug: string | null;
  readonly procedure: string | null;
  /** Sénat dossier signet ("pjl18-323") when known, for merging both chambers. */
  readonly senatSignet: string | null;
  readonly senatUrl: string | null;
  readonly steps: readonly DossierStep[];
}

/** A text version referenced by a dossier (tabled, committee or adopted text). */
export interface TextRecord {
  readonly uid: string;
  readonly dossierUid: string | null;
  readonly chamber: Chamber | null;
  readonly number: string | null;
  readonly title: string | null;
  /** Kind of document ("PION", "PRJL", "TA"…) or role. */
  readonly kind: string | null;
  readonly date: string | null;
}

/**
 * A bill's steps in date order, as a reader expects them (the CMP's « Accord » of 10 April before
 * the readings of its text on the 15th and 17th, even when the source lists it last). A step
 * without a date keeps its place after the step before it; steps of one day keep the source's order.
 */
export function inDateOrder<T extends { readonly date: string | null }>(steps: readonly T[]): T[] {
  let carried = "";
  const keyed = steps.map((step, index) => {
    if (step.date) carried = step.date.slice(0, 10);
    return { step, index, day: step.date ? step.date.slice(0, 10) : carried };
  });
  keyed.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.index - b.index));
  return keyed.map((k) => k.step);
}
