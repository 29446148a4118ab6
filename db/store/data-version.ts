/**
 * The data version: a number every write that changes what a page shows increments, in the
 * transaction of that write. Pages derive their ETag from it and web processes key their
 * rendered-page cache by it, so several processes agree on when a page is stale.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { nowIso } from "./common.js";

/** Increments the data version; call it inside the transaction that writes the data. */
export async function bumpDataVersion(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable("data_version")
    .set((eb) => ({ version: eb("version", "+", 1), changed_at: nowIso() }))
    .where("id", "=", 1)
    .execute();
}

/** The current data version (0 before the first migration that creates it has run). */
export async function readDataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("data_version").select("version").where("id", "=", 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}

/** When the data last changed (ISO), or null before the first change. */
export async function readDataChangedAt(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom("data_version").select("changed_at").where("id", "=", 1).executeTakeFirst();
  return row?.changed_at ?? null;
}
