/**
 * Formatting helpers for pages, in French.
 */
import type { AmendmentOutcome } from "../src/domain/amendment.js";

import { frenchDateOrNull } from "../src/domain/wording.js";

/** "2025-03-06" → "6 mars 2025", "2025-04-01" → "1er avril 2025"; null or an impossible date → "—". */
export function frenchDate(iso: string | null | undefined): string {
  return frenchDateOrNull(iso) ?? "—";
}

const PLURAL_RULES = new Intl.PluralRules("fr-FR");

/**
 * « 1 amendement », « 0 amendement », « 3 amendements », chosen by Intl.PluralRules (French puts
 * 0 and 1 in the singular).
 */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n.toLocaleString("fr-FR")} ${PLURAL_RULES.select(n) === "one" ? singular : pluralForm}`;
}

/** Outcomes after a count, singular and plural (« 1 adopté », « 4 adoptés », « 2 en attente »). */
const OUTCOME_COUNTS: Readonly<Record<AmendmentOutcome, readonly [string, string]>> = {
  adopte: ["adopté", "adoptés"],
  rejete: ["rejeté", "rejetés"],
  retire: ["retiré", "retirés"],
  tombe: ["tombé", "tombés"],
  non_soutenu: ["non soutenu", "non soutenus"],
  irrecevable: ["irrecevable", "irrecevables"],
  non_examine: ["non examiné", "non examinés"],
  satisfait: ["satisfait ou sans objet", "satisfaits ou sans objet"],
  en_cours: ["en attente", "en attente"],
  inconnu: ["au sort inconnu", "au sort inconnu"],
};

/** A count of amendments with an outcome, in agreeing French. */
export function outcomeCount(n: number, outcome: AmendmentOutcome): string {
  const [one, other] = OUTCOME_COUNTS[outcome];
  return plural(n, one, other);
}

const PLACE_SHORT: Record<string, string> = { AN: "Assemblée", SN: "Sénat", CMP: "CMP", CC: "Conseil constitutionnel", PR: "Promulgation" };
const READING_SHORT: Record<string, string> = {
  "1re_lecture": "1re lecture",
  "2e_lecture": "2e lecture",
  "3e_lecture": "3e lecture",
  lecture_unique: "Lecture unique",
  cmp: "CMP",
  nouvelle_lecture: "Nouvelle lecture",
  lecture_definitive: "Lecture définitive",
  conseil_constitutionnel: "Conseil constitutionnel",
  promulgation: "Promulgation",
};
const STAGE_SHORT: Record<string, string> = {
  depot: "dépôt",
  commission: "commission",
  seance: "séance",
  cmp: "décision",
  conseil_constitutionnel: "décision",
  promulgation: "loi",
};

/** Short label of a step: "1re lecture · Sénat · dépôt". */
export function stepLabel(step: { reading: string; place: string; stage: string }): string {
  const parts = [READING_SHORT[step.reading] ?? step.reading];
  const place = PLACE_SHORT[step.place] ?? step.place;
  if (place !== parts[0]) parts.push(place);
  parts.push(STAGE_SHORT[step.stage] ?? step.stage);
  return parts.join(" · ");
}

/**
 * Short label for matrix headers, in words a reader knows: « Sénat 1re com. », « AN CMP séance »,
 * « CMP com. », « Cons. const. », « Loi » (never « PR loi » or « CC déc. »).
 */
export function stepAbbreviation(step: { reading: string; place: string; stage: string }): string {
  if (step.stage === "promulgation" || step.place === "PR") return "Loi";
  if (step.stage === "conseil_constitutionnel" || step.place === "CC") return "Cons. const.";
  const place = { AN: "AN", SN: "Sénat", CMP: "CMP" }[step.place] ?? step.place;
  const reading =
    { "1re_lecture": "1re", "2e_lecture": "2e", "3e_lecture": "3e", nouvelle_lecture: "NL", lecture_definitive: "LD", cmp: "CMP" }[
      step.reading
    ] ?? "";
  const stage = { depot: "dépôt", commission: "com.", seance: "séance", cmp: "texte" }[step.stage] ?? step.stage;
  return `${place} ${reading === place ? "" : reading} ${stage}`.replace(/\s+/g, " ").trim();
}

/** Path of a provision page. */
export function provisionPath(dossierUid: string, provisionId: string): string {
  return `/dossiers/${encodeURIComponent(dossierUid)}/articles/${encodeURIComponent(provisionId)}`;
}

/** The French label of a stored value (a sort, an author type, a status…), or the value itself when unknown. */
export function labelOf(labels: Readonly<Record<string, string>>, value: string): string {
  return labels[value] ?? value;
}

/** The first letter in capitals: « article L. 851-3 … » → « Article L. 851-3 … ». */
export function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase("fr-FR") + text.slice(1);
}
