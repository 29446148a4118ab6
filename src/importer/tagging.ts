/**
 * Tagging a dossier: every provision at every step, and every amendment, go through the rules;
 * tags with their evidence and code citations are stored.
 */
import { readJsonColumn, isAlineaList } from "../../db/store/json-columns.js";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { storeDossierTags, type CitationRow, type TagRow } from "../../db/store/tags.js";
import { extractCitations } from "../domain/tagging/citations.js";
import type { RuleSet } from "../domain/tagging/rules.js";
import { amendmentParagraphs, tagText } from "../domain/tagging/tagger.js";

/** What tagging a dossier did. */
export interface TaggingSummary {
  readonly dossierUid: string;
  readonly tags: number;
  readonly events: number;
}

/** Tags one dossier ("" for the amendments attached to no dossier). */
export async function tagDossier(
  db: Kysely<Database>,
  dossierUid: string,
  rules: RuleSet,
  runId: number | null = null,
): Promise<TaggingSummary> {
  const tags: TagRow[] = [];
  const citations: CitationRow[] = [];
  const alive = new Map<string, string[]>();
  if (dossierUid !== "") {
    const states = await db
      .selectFrom("provision_states")
      .select(["provision_id", "step_key", "status", "alineas"])
      .where("dossier_uid", "=", dossierUid)
      .orderBy("provision_id")
      .orderBy("step_position")
      .execute();
    for (const state of states) {
      if (state.status === "deleted" || state.status === "absent") continue;
      (alive.get(state.provision_id) ?? alive.set(state.provision_id, []).get(state.provision_id)!).push(state.step_key);
      const alineas = readJsonColumn(state.alineas, isAlineaList, "provision_states.alineas");
      const found = extractCitations(alineas);
      for (const c of found)
        citations.push({
          subjectType: "provision",
          subjectId: state.provision_id,
          stepKey: state.step_key,
          code: c.code,
          article: c.article,
          alinea: c.alinea,
        });
      for (const match of tagText(alineas, rules, found))
        tags.push({
          subjectType: "provision",
          subjectId: state.provision_id,
          stepKey: state.step_key,
          theme: match.theme,
          evidence: match.evidence,
        });
    }
  }
  const amendments = await db
    .selectFrom("amendments")
    .select(["uid", "dispositif_text", "expose_text"])
    .where((eb) => (dossierUid === "" ? eb("dossier_uid", "is", null) : eb("dossier_uid", "=", dossierUid)))
    .execute();
  for (const amendment of amendments) {
    const alineas = amendmentParagraphs(amendment.dispositif_text, amendment.expose_text);
    const found = extractCitations(alineas);
    for (const c of found)
      citations.push({
        subjectType: "amendment",
        subjectId: amendment.uid,
        stepKey: "",
        code: c.code,
        article: c.article,
        alinea: c.alinea,
      });
    for (const match of tagText(alineas, rules, found))
      tags.push({ subjectType: "amendment", subjectId: amendment.uid, stepKey: "", theme: match.theme, evidence: match.evidence });
  }
  const result = await storeDossierTags(db, dossierUid, tags, citations, alive, rules.version, runId);
  return { dossierUid, ...result };
}

/** Every dossier uid that has provisions or amendments, plus "" for amendments without dossier. */
export async function taggableDossiers(db: Kysely<Database>): Promise<string[]> {
  const fromProvisions = await db.selectFrom("provisions").select("dossier_uid").distinct().execute();
  const fromAmendments = await db.selectFrom("amendments").select("dossier_uid").distinct().execute();
  return [...new Set([...fromProvisions.map((r) => r.dossier_uid), ...fromAmendments.map((r) => r.dossier_uid ?? "")])].sort();
}
