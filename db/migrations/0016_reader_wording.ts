/**
 * What the reader reads (issue #27), for databases written before it:
 * - `provisions.law_number`: an article's number in the promulgated law, beside its navette
 *   number (`last_number`, now the last number before the law: « 15 ter », not « 18 »);
 * - renumbering news becomes `provision.renumbered` (the article's own feed) plus one
 *   `dossier.renumbered` per step (bill-wide lists), instead of one `provision.status` per article;
 * - an amendment stored already decided is dated by its decision (`occurred_at`), as new imports are;
 * - indexes for a search that names an article (« 8 ter », « L. 851-3 »): amendments by their
 *   article, provisions by their navette number, citations by article.
 */
import { sql, type Kysely } from "kysely";

const LAW_STEP = sql`(SELECT s.number FROM provision_states s JOIN dossier_steps d
    ON d.dossier_uid = s.dossier_uid AND d.step_key = s.step_key
  WHERE s.dossier_uid = provisions.dossier_uid AND s.provision_id = provisions.provision_id AND d.stage = 'promulgation'
  ORDER BY s.step_position DESC LIMIT 1)`;

const NAVETTE_STEP = sql`(SELECT s.number FROM provision_states s JOIN dossier_steps d
    ON d.dossier_uid = s.dossier_uid AND d.step_key = s.step_key
  WHERE s.dossier_uid = provisions.dossier_uid AND s.provision_id = provisions.provision_id AND d.stage <> 'promulgation'
  ORDER BY s.step_position DESC LIMIT 1)`;

interface RenumberingRow {
  id: number | string;
  dossier_uid: string | null;
  subject_id: string;
  text_uid: string | null;
  payload: string;
  occurred_at: string | null;
  recorded_at: string;
  run_id: number | null;
}

/** Adds law_number, rewrites numbers, renumbering events and decided amendments' dates. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("provisions").addColumn("law_number", "text").execute();
  await sql`UPDATE provisions SET law_number = ${LAW_STEP}`.execute(db);
  await sql`UPDATE provisions SET last_number = coalesce(${NAVETTE_STEP}, last_number)`.execute(db);
  await renumberingEvents(db);
  await db.schema.createIndex("amendments_target_article").on("amendments").column("target_article_sort_key").execute();
  await db.schema.createIndex("provisions_number").on("provisions").column("last_number").execute();
  await db.schema.createIndex("citations_article").on("citations").columns(["article", "dossier_uid"]).execute();
  await sql`UPDATE events SET occurred_at = (SELECT a.decided_at FROM amendments a WHERE a.uid = events.subject_id)
    WHERE kind = 'amendment.filed'
      AND payload NOT LIKE '%"outcome":"en_cours"%' AND payload NOT LIKE '%"outcome":"inconnu"%'
      AND EXISTS (SELECT 1 FROM amendments a WHERE a.uid = events.subject_id AND a.decided_at IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM events o WHERE o.kind = 'amendment.outcome_changed' AND o.subject_id = events.subject_id)`.execute(db);
}

async function renumberingEvents(db: Kysely<unknown>): Promise<void> {
  const { rows } =
    await sql<RenumberingRow>`SELECT e.id, e.dossier_uid, e.subject_id, e.text_uid, e.payload, e.occurred_at, e.recorded_at, e.run_id
    FROM events e WHERE e.kind = 'provision.status' AND e.payload LIKE '%"status":"renumbered"%' ORDER BY e.id`.execute(db);
  const groups = new Map<string, { first: RenumberingRow; changes: Array<{ from: string; to: string }> }>();
  for (const row of rows) {
    const payload = JSON.parse(row.payload) as { step?: string; number?: string };
    const step = payload.step ?? "";
    const to = payload.number ?? "";
    const provision = row.dossier_uid ? row.subject_id.slice(row.dossier_uid.length + 1) : "";
    const navette = await sql<{ last_number: string }>`SELECT last_number FROM provisions
      WHERE dossier_uid = ${row.dossier_uid} AND provision_id = ${provision}`.execute(db);
    const from = navette.rows[0]?.last_number ?? null;
    await sql`UPDATE events SET kind = 'provision.renumbered', payload = ${JSON.stringify({ step, number: to, from })}
      WHERE id = ${row.id}`.execute(db);
    const key = `${row.dossier_uid ?? ""}|${step}`;
    const group = groups.get(key) ?? groups.set(key, { first: row, changes: [] }).get(key)!;
    group.changes.push({ from: from ?? to, to });
  }
  for (const [key, { first, changes }] of groups) {
    const step = key.slice(key.indexOf("|") + 1);
    await sql`INSERT INTO events (kind, subject_type, subject_id, dossier_uid, text_uid, article, payload, occurred_at, recorded_at, run_id)
      VALUES ('dossier.renumbered', 'dossier', ${first.dossier_uid}, ${first.dossier_uid}, ${first.text_uid}, NULL,
        ${JSON.stringify({ step, changes })}, ${first.occurred_at}, ${first.recorded_at}, ${first.run_id})`.execute(db);
  }
}
