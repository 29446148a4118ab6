/**
 * Storing amendments: insert new ones, update changed ones, leave unchanged ones untouched, and
 * write one event per new or changed amendment in the same transaction.
 */
import { isDecided } from "../../src/domain/wording.js";
import type { Kysely } from "kysely";
import type { AmendmentOutcome, AmendmentRecord } from "../../src/domain/amendment.js";
import type { AmendmentRow, Database, NewAmendmentRow, NewEventRow } from "../schema.js";
import { createHash } from "node:crypto";
import { chunk, emptyCounts, nowIso, type StoreCounts } from "./common.js";
import { AmendmentCountChanges } from "./amendment-counts.js";
import { bumpDataVersion } from "./data-version.js";
import { eventOf } from "../../src/domain/events.js";

/** Where the records come from, for provenance columns. */
export interface StoreContext {
  readonly runId: number | null;
  /** The source (file, folder, zip or address) the records come from. */
  readonly sourceFile: string | null;
  /** The file each amendment comes from, inside the source (zip entry or file of a folder). */
  readonly sourceFileOf?: ReadonlyMap<string, string>;
}

/** Columns whose change is worth telling in an `amendment.updated` event. */
const WATCHED_COLUMNS = [
  "number_long",
  "rectification",
  "target_article",
  "target_alinea",
  "dispositif_text",
  "expose_text",
  "signatories",
  "parent_uid",
  "identical_discussion_id",
  "credits",
] as const satisfies readonly (keyof AmendmentRow)[];

/**
 * The record's content hash: the dossier a dump's folder gives is provenance, not content.
 * Mappers build records with a fixed key order, so plain JSON is stable (and much faster than
 * sorting keys, which matters when a legislature is re-imported).
 */
export function amendmentHash(record: AmendmentRecord): string {
  const { dossierUid: _dossier, ...content } = record;
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

/** Maps a record to its row. */
export function amendmentRow(record: AmendmentRecord, hash: string, context: StoreContext, now: string): NewAmendmentRow {
  const t = record.target;
  return {
    uid: record.uid,
    chamber: record.chamber,
    legislature: record.legislature,
    dossier_uid: record.dossierUid,
    text_uid: record.textUid,
    text_number: record.textNumber,
    exam_ref: record.examRef,
    organ_ref: record.organRef,
    stage: record.stage,
    number_long: record.numberLong,
    number: record.number,
    prefix: record.prefix,
    rectification: record.rectification,
    second_deliberation: record.secondDeliberation ? 1 : 0,
    target_kind: t.kind,
    target_label: t.label,
    target_article: t.article,
    target_article_sort_key: t.articleSortKey,
    target_position: t.position,
    target_alinea: t.alinea,
    author_type: record.authorType,
    author_ref: record.authorRef,
    author_name: record.authorName,
    group_ref: record.groupRef,
    cosigner_refs: JSON.stringify(record.cosignerRefs),
    signatories: record.signatories,
    dispositif_html: record.dispositifHtml,
    dispositif_text: record.dispositifText,
    expose_html: record.exposeHtml,
    expose_text: record.exposeText,
    notice: record.notice,
    outcome: record.outcome,
    outcome_detail: record.outcomeDetail,
    raw_state: record.rawState,
    raw_sub_state: record.rawSubState,
    raw_sort: record.rawSort,
    parent_uid: record.parentUid,
    identical_discussion_id: record.identicalDiscussionId,
    common_discussion_id: record.commonDiscussionId,
    discussion_order: record.discussionOrder,
    deposited_at: record.depositedAt,
    published_at: record.publishedAt,
    decided_at: record.decidedAt,
    code_reference: record.codeReference,
    content_hash: hash,
    credits: record.credits ? JSON.stringify(record.credits) : null,
    source_file: context.sourceFileOf?.get(record.uid) ?? context.sourceFile,
    first_run_id: context.runId,
    created_at: now,
    updated_at: now,
  };
}

const LOOKUP_CHUNK = 500;
const INSERT_CHUNK = 200;

/**
 * Stores a batch of amendments in one transaction. Unchanged amendments cause no write and no
 * event; a new one gives `amendment.filed`; a changed outcome gives exactly one
 * `amendment.outcome_changed`; any other change one `amendment.updated`.
 */
export async function storeAmendments(
  db: Kysely<Database>,
  records: readonly AmendmentRecord[],
  context: StoreContext,
): Promise<StoreCounts> {
  const counts = emptyCounts();
  if (records.length === 0) return counts;
  const latest = new Map<string, AmendmentRecord>();
  for (const record of records) latest.set(record.uid, record);
  const batch = [...latest.values()];

  await db.transaction().execute(async (trx) => {
    const known = new Map<string, { hash: string; dossier: string | null }>();
    const countChanges = new AmendmentCountChanges();
    let provenanceChanged = false;
    for (const uids of chunk(
      batch.map((r) => r.uid),
      LOOKUP_CHUNK,
    )) {
      const rows = await trx.selectFrom("amendments").select(["uid", "content_hash", "dossier_uid"]).where("uid", "in", uids).execute();
      for (const row of rows) known.set(row.uid, { hash: row.content_hash, dossier: row.dossier_uid });
    }

    const now = nowIso();
    const inserts: NewAmendmentRow[] = [];
    const changed: { record: AmendmentRecord; row: NewAmendmentRow }[] = [];
    const events: NewEventRow[] = [];
    for (const record of batch) {
      const hash = amendmentHash(record);
      const previous = known.get(record.uid);
      const row = amendmentRow(record, hash, context, now);
      if (!previous) {
        inserts.push(row);
        countChanges.add(row, 1);
        events.push(filedEvent(record, context, now));
        counts.created++;
      } else if (previous.hash !== hash) {
        changed.push({ record, row });
        counts.changed++;
      } else {
        counts.unchanged++;
        if (previous.dossier === null && record.dossierUid !== null) {
          // Only provenance improved (the dump's folder names the dossier): no event.
          await trx.updateTable("amendments").set({ dossier_uid: record.dossierUid }).where("uid", "=", record.uid).execute();
          countChanges.add(row, 1);
          provenanceChanged = true;
        }
      }
    }

    for (const rows of chunk(inserts, INSERT_CHUNK)) await trx.insertInto("amendments").values(rows).execute();

    for (const { record, row } of changed) {
      const old = await trx.selectFrom("amendments").selectAll().where("uid", "=", record.uid).executeTakeFirstOrThrow();
      const { created_at: _created, first_run_id: _firstRun, ...update } = row;
      const next = {
        ...update,
        // Provenance and discussion data another source (the dump's folder, the Sénat's dérouleur)
        // filled in are kept when this source does not carry them.
        dossier_uid: record.dossierUid ?? old.dossier_uid,
        discussion_order: record.discussionOrder ?? old.discussion_order,
        identical_discussion_id: record.identicalDiscussionId ?? old.identical_discussion_id,
        common_discussion_id: record.commonDiscussionId ?? old.common_discussion_id,
        parent_uid: record.parentUid ?? old.parent_uid,
      };
      await trx.updateTable("amendments").set(next).where("uid", "=", record.uid).execute();
      countChanges.add(old, -1);
      countChanges.add({ ...next, provision_id: old.provision_id }, 1);
      events.push(changeEvent(record, old, row, context, now));
    }

    for (const rows of chunk(events, INSERT_CHUNK)) await trx.insertInto("events").values(rows).execute();
    await countChanges.apply(trx);
    if (counts.created + counts.changed > 0 || provenanceChanged) await bumpDataVersion(trx);
  });
  return counts;
}

function eventBase(record: AmendmentRecord, context: StoreContext, now: string): Omit<NewEventRow, "kind" | "payload" | "occurred_at"> {
  return {
    subject_type: "amendment",
    subject_id: record.uid,
    dossier_uid: record.dossierUid,
    text_uid: record.textUid,
    article: record.target.article,
    recorded_at: now,
    run_id: context.runId,
  };
}

function filedEvent(record: AmendmentRecord, context: StoreContext, now: string): NewEventRow {
  return {
    ...eventBase(record, context, now),
    ...eventOf("amendment.filed", {
      number: record.numberLong,
      target: record.target.label,
      author: record.authorName,
      authorType: record.authorType,
      outcome: record.outcome,
    }),
    // Imported already decided: one item, dated by its decision.
    occurred_at: isDecided(record.outcome) ? (record.decidedAt ?? record.depositedAt) : record.depositedAt,
  };
}

function changeEvent(record: AmendmentRecord, old: AmendmentRow, row: NewAmendmentRow, context: StoreContext, now: string): NewEventRow {
  if (old.outcome !== record.outcome) {
    return {
      ...eventBase(record, context, now),
      ...eventOf("amendment.outcome_changed", {
        number: record.numberLong,
        from: old.outcome as AmendmentOutcome,
        to: record.outcome,
        detail: record.outcomeDetail,
      }),
      occurred_at: record.decidedAt,
    };
  }
  const fields = WATCHED_COLUMNS.filter((column) => row[column] !== old[column]);
  return {
    ...eventBase(record, context, now),
    ...eventOf("amendment.updated", { number: record.numberLong, fields }),
    occurred_at: null,
  };
}

/** What the dérouleur adds to stored amendments. */
export interface DiscussionUpdate {
  readonly uid: string;
  readonly discussionOrder: string;
  readonly identicalDiscussionId: string | null;
  readonly commonDiscussionId: string | null;
  readonly parentUid: string | null;
}

/**
 * Sets the discussion order, identical and joint discussions and parent of amendments already
 * stored (one transaction). Amendments not stored yet are returned as missing; nothing changes
 * for amendments whose values are already these. No event: the order is not news.
 */
export async function storeDiscussionOrder(
  db: Kysely<Database>,
  updates: readonly DiscussionUpdate[],
): Promise<{ changed: number; unchanged: number; missing: string[] }> {
  const result = { changed: 0, unchanged: 0, missing: [] as string[] };
  await db.transaction().execute(async (trx) => {
    for (const uids of chunk(
      updates.map((u) => u.uid),
      LOOKUP_CHUNK,
    )) {
      const rows = await trx
        .selectFrom("amendments")
        .select(["uid", "discussion_order", "identical_discussion_id", "common_discussion_id", "parent_uid"])
        .where("uid", "in", uids)
        .execute();
      const known = new Map(rows.map((r) => [r.uid, r]));
      for (const update of updates.filter((u) => uids.includes(u.uid))) {
        const row = known.get(update.uid);
        if (!row) {
          result.missing.push(update.uid);
          continue;
        }
        const next = {
          discussion_order: update.discussionOrder,
          identical_discussion_id: update.identicalDiscussionId,
          common_discussion_id: update.commonDiscussionId,
          parent_uid: update.parentUid ?? row.parent_uid,
        };
        if (
          row.discussion_order === next.discussion_order &&
          row.identical_discussion_id === next.identical_discussion_id &&
          row.common_discussion_id === next.common_discussion_id &&
          row.parent_uid === next.parent_uid
        ) {
          result.unchanged++;
          continue;
        }
        await trx.updateTable("amendments").set(next).where("uid", "=", update.uid).execute();
        result.changed++;
      }
    }
    if (result.changed > 0) await bumpDataVersion(trx);
  });
  return result;
}
