/**
 * The amendment as Navette stores it, whatever the chamber: one normalised record.
 */
import type { CreditTable } from "./credit-table.js";

/** Chambers of Parliament. */
export type Chamber = "AN" | "SN";

/**
 * Outcome of an amendment, one vocabulary for both chambers (the *sort*).
 * `en_cours` means no decision yet (filed, under review, to be discussed).
 */
export const AMENDMENT_OUTCOMES = [
  "adopte",
  "rejete",
  "retire",
  "tombe",
  "non_soutenu",
  "irrecevable",
  "non_examine",
  "satisfait",
  "en_cours",
  "inconnu",
] as const;
export type AmendmentOutcome = (typeof AMENDMENT_OUTCOMES)[number];

/** True when `value` is one of the outcomes Navette knows (a stored column read back). */
export function isAmendmentOutcome(value: string): value is AmendmentOutcome {
  return (AMENDMENT_OUTCOMES as readonly string[]).includes(value);
}

/** French labels of outcomes, for pages and feeds. */
export const OUTCOME_LABELS: Readonly<Record<AmendmentOutcome, string>> = {
  adopte: "Adopté",
  rejete: "Rejeté",
  retire: "Retiré",
  tombe: "Tombé",
  non_soutenu: "Non soutenu",
  irrecevable: "Irrecevable",
  non_examine: "Non examiné",
  satisfait: "Satisfait ou sans objet",
  en_cours: "En attente",
  inconnu: "Inconnu",
};

/** Who tabled the amendment. */
export const AUTHOR_TYPES = ["depute", "senateur", "rapporteur", "commission", "gouvernement", "autre"] as const;
export type AuthorType = (typeof AUTHOR_TYPES)[number];

export const AUTHOR_TYPE_LABELS: Readonly<Record<AuthorType, string>> = {
  depute: "Député",
  senateur: "Sénateur",
  rapporteur: "Rapporteur",
  commission: "Commission",
  gouvernement: "Gouvernement",
  autre: "Autre",
};

/** What part of the text an amendment targets. */
export const TARGET_KINDS = [
  "article",
  "article_additionnel",
  "titre",
  "chapitre",
  "section",
  "division_additionnelle",
  "intitule",
  "annexe",
  "autre",
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** Stage of the procedure at which an amendment is examined. */
export type AmendmentStage = "commission" | "seance";

/** The target of an amendment in the text. */
export interface AmendmentTarget {
  readonly kind: TargetKind;
  /** Label as published ("Article 8 ter", "Chapitre II", "ÉTAT B"). */
  readonly label: string | null;
  /** Canonical number of the article targeted or of the reference article for additions ("8 ter"). */
  readonly article: string | null;
  /** Sort key of {@link article} (see `ArticleNumber.sortKey`). */
  readonly articleSortKey: string | null;
  /** For additions: inserted before or after the reference article. */
  readonly position: "avant" | "apres" | null;
  /** Alinéa cited, as published ("8", "4 à 6"). */
  readonly alinea: string | null;
}

/** One amendment, as importers produce it and the database stores it. */
export interface AmendmentRecord {
  readonly uid: string;
  readonly chamber: Chamber;
  readonly legislature: string | null;
  readonly dossierUid: string | null;
  readonly textUid: string | null;
  /** Text number as printed (AN "907", Sénat "254 (2024-2025)"). */
  readonly textNumber: string | null;
  readonly examRef: string | null;
  readonly organRef: string | null;
  readonly stage: AmendmentStage | null;
  /** Number as published, with prefix and rectification ("CL44", "939 (Rect)", "II-1463 (2ème Rect)"). */
  readonly numberLong: string;
  /** Number without prefix or rectification ("44"). */
  readonly number: string;
  /** Prefix of committee numbers ("CL"), empty in séance. */
  readonly prefix: string;
  readonly rectification: number;
  readonly secondDeliberation: boolean;
  readonly target: AmendmentTarget;
  readonly authorType: AuthorType;
  readonly authorRef: string | null;
  readonly authorName: string | null;
  readonly groupRef: string | null;
  readonly cosignerRefs: readonly string[];
  /** Plain-text list of signatories as published. */
  readonly signatories: string | null;
  readonly dispositifHtml: string | null;
  readonly dispositifText: string | null;
  readonly exposeHtml: string | null;
  readonly exposeText: string | null;
  /** Notice published instead of the content (e.g. inadmissibility). */
  readonly notice: string | null;
  readonly outcome: AmendmentOutcome;
  /** Precise French wording of the state ("Irrecevable 40 — Gage", "Retiré après publication"). */
  readonly outcomeDetail: string | null;
  readonly rawState: string | null;
  readonly rawSubState: string | null;
  readonly rawSort: string | null;
  readonly parentUid: string | null;
  readonly identicalDiscussionId: string | null;
  readonly commonDiscussionId: string | null;
  /** Discussion order key published by the chamber (`triAmendement`). */
  readonly discussionOrder: string | null;
  readonly depositedAt: string | null;
  readonly publishedAt: string | null;
  readonly decidedAt: string | null;
  /** Code and code article the amendment says it modifies, when published. */
  readonly codeReference: string | null;
  /** A budget amendment's credits per programme (absent for every other amendment, so their content hash does not change). */
  readonly credits?: CreditTable;
}
