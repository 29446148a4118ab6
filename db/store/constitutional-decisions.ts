/**
 * Decisions of the Conseil constitutionnel: stored once per content, and found again for the
 * dossier step that names them (`numDecision`, `anneeDecision`).
 */
import type { Kysely } from "kysely";
import type { ConstitutionalDecision } from "../../src/domain/constitutional-decision.js";
import { decisionNumberOf } from "../../src/domain/constitutional-decision.js";
import { eventOf } from "../../src/domain/events.js";
import type { Database } from "../schema.js";
import { contentHash, nowIso } from "./common.js";
import { bumpDataVersion } from "./data-version.js";
import { isCensureList, isStringRecord, readJsonColumn } from "./json-columns.js";
import type { StoreContext } from "./amendments.js";

/** Whether the decision was stored anew, changed, or already identical. */
export type DecisionStoreOutcome = "created" | "changed" | "unchanged";

/** The dossiers whose Conseil constitutionnel step names the decision `number`. */
async function dossiersOfDecision(db: Kysely<Database>, number: string): Promise<string[]> {
  const steps = await db
    .selectFrom("dossier_steps")
    .select(["dossier_uid", "details"])
    .where("stage", "=", "conseil_constitutionnel")
    .execute();
  return steps
    .filter((s) => decisionNumberOf(readJsonColumn(s.details, isStringRecord, "dossier_steps.details")) === number)
    .map((s) => s.dossier_uid);
}

/**
 * Stores a decision, in one transaction with the event that tells each dossier it is about (so
 * that the import analyses those dossiers again).
 */
export async function storeDecision(
  db: Kysely<Database>,
  decision: ConstitutionalDecision,
  context: StoreContext,
): Promise<DecisionStoreOutcome> {
  const hash = contentHash(decision);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("constitutional_decisions")
      .select("content_hash")
      .where("number", "=", decision.number)
      .executeTakeFirst();
    if (existing?.content_hash === hash) return "unchanged";
    await bumpDataVersion(trx);
    const row = {
      decided_on: decision.date,
      censures: JSON.stringify(decision.censures),
      source: context.sourceFile ?? "",
      content_hash: hash,
      imported_at: nowIso(),
    };
    if (existing) await trx.updateTable("constitutional_decisions").set(row).where("number", "=", decision.number).execute();
    else
      await trx
        .insertInto("constitutional_decisions")
        .values({ number: decision.number, ...row })
        .execute();
    for (const dossierUid of await dossiersOfDecision(trx, decision.number)) {
      await trx
        .insertInto("events")
        .values({
          ...eventOf("decision.published", { number: decision.number, censures: decision.censures.length }),
          subject_type: "decision",
          subject_id: decision.number,
          dossier_uid: dossierUid,
          text_uid: null,
          article: null,
          occurred_at: decision.date,
          recorded_at: nowIso(),
          run_id: context.runId,
        })
        .execute();
    }
    return existing ? "changed" : "created";
  });
}

/** The censures of the decisions named by `numbers`, by number (decisions not imported are absent). */
export async function loadDecisionCensures(
  db: Kysely<Database>,
  numbers: readonly string[],
): Promise<Map<string, ConstitutionalDecision["censures"]>> {
  if (numbers.length === 0) return new Map();
  const rows = await db.selectFrom("constitutional_decisions").select(["number", "censures"]).where("number", "in", numbers).execute();
  return new Map(rows.map((r) => [r.number, readJsonColumn(r.censures, isCensureList, "constitutional_decisions.censures")]));
}
