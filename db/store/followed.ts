/**
 * Followed bills and what their syncs fetched.
 */
import type { Kysely } from "kysely";
import type { FollowTarget } from "../../src/domain/follow-address.js";
import type { Database } from "../schema.js";
import { nowIso } from "./common.js";

/** A followed bill as stored. */
export interface FollowedDossier extends FollowTarget {
  readonly id: number;
  readonly address: string;
  readonly dossierUid: string | null;
  readonly addedBy: string | null;
  readonly addedAt: string;
  readonly lastSyncAt: string | null;
  readonly lastSyncStatus: string | null;
  /** The last sync's summary, as JSON (read it with readSyncSummary). */
  readonly lastSyncSummary: string | null;
}

/** Follows a bill; following it again keeps the first record. Returns its id and whether it is new. */
export async function followDossier(
  db: Kysely<Database>,
  target: FollowTarget,
  address: string,
  addedBy: string | null,
): Promise<{ id: number; created: boolean }> {
  const existing = await db
    .selectFrom("followed_dossiers")
    .select("id")
    .where("source", "=", target.source)
    .where("key", "=", target.key)
    .executeTakeFirst();
  if (existing) return { id: Number(existing.id), created: false };
  const row = await db
    .insertInto("followed_dossiers")
    .values({
      source: target.source,
      key: target.key,
      address,
      dossier_uid: null,
      added_by: addedBy,
      added_at: nowIso(),
      last_sync_at: null,
      last_sync_status: null,
      last_sync_summary: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), created: true };
}

/** Stops following a bill (its data stays). Returns false when it was not followed. */
export async function unfollowDossier(db: Kysely<Database>, target: FollowTarget): Promise<boolean> {
  const row = await db
    .selectFrom("followed_dossiers")
    .select("id")
    .where("source", "=", target.source)
    .where("key", "=", target.key)
    .executeTakeFirst();
  if (!row) return false;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("followed_files").where("follow_id", "=", Number(row.id)).execute();
    await trx.deleteFrom("followed_dossiers").where("id", "=", row.id).execute();
  });
  return true;
}

/** Followed bills, oldest first; only the one of `dossierUid` (dossier or key) when given. */
export async function listFollowed(db: Kysely<Database>, dossierUid?: string): Promise<FollowedDossier[]> {
  let query = db.selectFrom("followed_dossiers").selectAll().orderBy("id");
  if (dossierUid) query = query.where((eb) => eb.or([eb("dossier_uid", "=", dossierUid), eb("key", "=", dossierUid)]));
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    source: r.source,
    key: r.key,
    address: r.address,
    dossierUid: r.dossier_uid,
    addedBy: r.added_by,
    addedAt: r.added_at,
    lastSyncAt: r.last_sync_at,
    lastSyncStatus: r.last_sync_status,
    lastSyncSummary: r.last_sync_summary,
  }));
}

/** Records the end of a sync of a followed bill. */
export async function recordSync(
  db: Kysely<Database>,
  id: number,
  result: { dossierUid: string | null; status: string; summary: string },
): Promise<void> {
  await db
    .updateTable("followed_dossiers")
    .set({ dossier_uid: result.dossierUid, last_sync_at: nowIso(), last_sync_status: result.status, last_sync_summary: result.summary })
    .where("id", "=", id)
    .execute();
}

/** The hash of the content last imported from `url` for a followed bill, if any. */
export async function importedHash(db: Kysely<Database>, followId: number, url: string): Promise<string | null> {
  const row = await db
    .selectFrom("followed_files")
    .select("content_hash")
    .where("follow_id", "=", followId)
    .where("url", "=", url)
    .executeTakeFirst();
  return row?.content_hash ?? null;
}

/** Records that the content of `url` with this hash was imported for a followed bill. */
export async function recordImportedFile(db: Kysely<Database>, followId: number, url: string, contentHash: string): Promise<void> {
  await db
    .insertInto("followed_files")
    .values({ follow_id: followId, url, content_hash: contentHash, imported_at: nowIso() })
    .onConflict((oc) => oc.columns(["follow_id", "url"]).doUpdateSet({ content_hash: contentHash, imported_at: nowIso() }))
    .execute();
}
