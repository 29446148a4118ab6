/**
 * Analysing a dossier: its stored steps and texts go through the navette engine, the causes of
 * each status are looked up among the adopted amendments, and the provisions are stored.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { loadCauseCandidates, loadNavetteSteps, storeProvisions, type StoredProvision } from "../../db/store/provisions.js";
import { followProvisions, type NavetteWarning } from "../domain/navette/engine.js";
import { causesOf } from "../domain/navette/causes.js";
import { amendmentBaseIndex, hasTextUid } from "../domain/navette/steps.js";
import { linkAmendments } from "../domain/navette/amendment-links.js";
import { storeAmendmentLinks } from "../../db/store/amendment-links.js";

/** What an analysis did. */
export interface AnalysisSummary {
  readonly dossierUid: string;
  readonly provisions: number;
  readonly changedStates: number;
  readonly events: number;
  /** Amendments whose provision changed (see amendment-links.ts). */
  readonly links: number;
  readonly warnings: NavetteWarning[];
}

/** Runs the navette engine on one dossier and stores the result. */
export async function analyseDossier(db: Kysely<Database>, dossierUid: string, runId: number | null = null): Promise<AnalysisSummary> {
  const steps = await loadNavetteSteps(db, dossierUid);
  const candidates = await loadCauseCandidates(db, dossierUid);
  const result = followProvisions(steps);
  const position = new Map(steps.map((s, i) => [s.key, i]));
  const textOf = new Map(steps.map((s) => [s.key, s.textUid]));
  // Order of provisions at each step, to find the neighbours of a new article.
  const orderAt = new Map<string, string[]>();
  for (const provision of result.provisions) {
    for (const state of provision.states) {
      if (state.status === "absent" || state.status === "deleted") continue;
      const list = orderAt.get(state.stepKey) ?? [];
      list.push(state.number);
      orderAt.set(state.stepKey, list);
    }
  }
  const stored: StoredProvision[] = result.provisions.map((provision) => ({
    id: provision.id,
    firstNumber: provision.firstNumber,
    states: provision.states.map((state) => {
      const index = position.get(state.stepKey) ?? 0;
      const examinedIndex = amendmentBaseIndex(steps, index, hasTextUid);
      const examinedText = examinedIndex === null ? null : (steps[examinedIndex]?.textUid ?? null);
      const order = orderAt.get(state.stepKey) ?? [];
      const at = order.indexOf(state.number);
      const causes = examinedText
        ? causesOf(
            state.status,
            state.number,
            { before: at > 0 ? (order[at - 1] ?? null) : null, after: at >= 0 ? (order[at + 1] ?? null) : null },
            candidates.get(examinedText) ?? [],
          )
        : [];
      return {
        provisionId: provision.id,
        stepKey: state.stepKey,
        stepPosition: index,
        stepDate: steps[index]?.date ?? null,
        lawStep: steps[index]?.stage === "promulgation",
        textUid: textOf.get(state.stepKey) ?? null,
        number: state.number,
        status: state.status,
        changeRatio: state.changeRatio,
        baseStepKey: state.baseStepKey,
        printed: state.printed,
        closed: state.closed,
        alineas: state.alineas,
        causes,
      };
    }),
  }));
  const { changed, events } = await storeProvisions(db, dossierUid, stored, runId);
  const links = await attachAmendments(db, dossierUid, stored);
  return { dossierUid, provisions: stored.length, changedStates: changed, events, links, warnings: result.warnings };
}

/** Attaches each amendment of the dossier to its provision (by the text it was filed on); returns how many links changed. */
async function attachAmendments(db: Kysely<Database>, dossierUid: string, provisions: readonly StoredProvision[]): Promise<number> {
  const amendments = await db
    .selectFrom("amendments")
    .select(["uid", "text_uid", "target_kind", "target_article"])
    .where("dossier_uid", "=", dossierUid)
    .execute();
  const links = linkAmendments(
    amendments.map((a) => ({ uid: a.uid, textUid: a.text_uid, targetKind: a.target_kind, targetArticle: a.target_article })),
    provisions.flatMap((p) => p.states),
  );
  return storeAmendmentLinks(db, dossierUid, links);
}

/** Dossiers that have at least one imported text: the ones analysis can say something about. */
export async function analysableDossiers(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom("dossier_steps")
    .innerJoin("texts", "texts.uid", "dossier_steps.text_uid")
    .select("dossier_steps.dossier_uid")
    .where("texts.content_hash", "is not", null)
    .distinct()
    .execute();
  return rows.map((r) => r.dossier_uid).sort();
}
