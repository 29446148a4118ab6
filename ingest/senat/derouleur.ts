/**
 * The Sénat's séance order (*dérouleur*, `/enseance/<session>/<num>/liste_discussion.json`):
 * discussion order, identical amendments, joint discussions, sub-amendments and sorts, for the
 * amendments the séance examines. Pure.
 */
import { foldLabel, normaliseOutcome } from "../../src/domain/amendment-outcome.js";
import type { AmendmentOutcome } from "../../src/domain/amendment.js";
import { isObject, list, text, SourceError, type RawObject } from "../document.js";
import type { SenatTextRef } from "./amendements-csv.js";

/** What the dérouleur says of one amendment. */
export interface DiscussionEntry {
  readonly uid: string;
  readonly numberLong: string;
  /** Position in the discussion, zero-padded so that it sorts as text ("000042"). */
  readonly discussionOrder: string;
  readonly identicalDiscussionId: string | null;
  readonly commonDiscussionId: string | null;
  readonly parentUid: string | null;
  readonly subdivision: string | null;
  readonly outcome: AmendmentOutcome;
}

/** The whole dérouleur. */
export interface Derouleur {
  readonly ref: SenatTextRef;
  readonly declaredCount: number | null;
  readonly dossierSignet: string | null;
  readonly entries: DiscussionEntry[];
}

/** Session and text from the address ("/enseance/2017-2018/63/", "…_2017-2018_n63_…", "ppl16-610"). */
export function derouleurRefOf(location: string): SenatTextRef | null {
  const explicit = /(\d{4}-\d{4})[/_]n?(\d+)(?!\d)/.exec(location);
  if (explicit) return { session: explicit[1] ?? "", number: String(Number(explicit[2])), committee: false };
  const signet = /(?:pjl|ppl)(\d{2})-(\d+)(?!\d)/.exec(location);
  if (signet) {
    const year = 2000 + Number(signet[1]);
    return { session: `${year}-${year + 1}`, number: String(Number(signet[2])), committee: false };
  }
  return null;
}

/** Reads a dérouleur document. */
export function parseDerouleur(doc: RawObject, file: string): Derouleur {
  const info = isObject(doc["info_generales"]) ? doc["info_generales"] : undefined;
  const subdivisions = list(doc, "Subdivisions").filter(isObject);
  if (!info && subdivisions.length === 0) throw new SourceError("pas un dérouleur du Sénat (ni info_generales ni Subdivisions)", file);
  const signet = text(info, "doslegsignet");
  const ref = derouleurRefOf(file) ?? (signet ? derouleurRefOf(signet) : null);
  if (!ref) throw new SourceError("impossible de savoir de quel texte il s'agit (adresse sans session ni numéro)", file);
  const uidOf = (num: string) => `SN-${ref.session}-${ref.number}-${num.replace(/\s*rect\.?.*$/i, "").trim()}`;
  const numberById = new Map<string, string>();
  for (const subdivision of subdivisions) {
    for (const a of list(subdivision, "Amendements").filter(isObject)) {
      const id = text(a, "idAmendement");
      const num = text(a, "num");
      if (id && num) numberById.set(id, num);
    }
  }
  const entries: DiscussionEntry[] = [];
  for (const subdivision of subdivisions) {
    for (const a of list(subdivision, "Amendements").filter(isObject)) {
      const num = text(a, "num");
      if (!num) continue;
      const parentId = text(a, "isSousAmendement") === "true" ? text(a, "idAmendementPere") : null;
      const parentNum = parentId ? numberById.get(parentId) : undefined;
      const sort = text(a, "sort");
      entries.push({
        uid: uidOf(num),
        numberLong: num,
        discussionOrder: String(entries.length + 1).padStart(6, "0"),
        identicalDiscussionId: text(a, "isIdentique") === "true" ? (text(a, "idIdentique") ?? null) : null,
        commonDiscussionId: text(a, "isDiscussionCommune") === "true" ? (text(a, "idDiscussionCommune") ?? null) : null,
        parentUid: parentNum ? uidOf(parentNum) : null,
        subdivision: text(subdivision, "libelle_subdivision"),
        outcome: normaliseOutcome({ sort: sort && /retir/.test(foldLabel(sort)) ? "Retiré" : sort }).outcome,
      });
    }
  }
  const declared = text(info, "nbAmdtsDeposes");
  return { ref, declaredCount: declared ? Number(declared) : null, dossierSignet: signet, entries };
}
