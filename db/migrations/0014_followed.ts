/**
 * Followed bills: `followed_dossiers` (a bill followed by its address: source, key, the dossier it
 * resolved to, and its last sync: when, status, summary) and `followed_files` (each file a sync
 * fetched for it, with the hash of the content last imported, so that an unchanged file is
 * neither downloaded nor imported again).
 */
import type { Kysely } from "kysely";
import { idColumn, type Dialect } from "../dialect.js";

/** Creates followed_dossiers and followed_files. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("followed_dossiers")
    .addColumn("id", idColumn(dialect), (c) => c.primaryKey().$call((b) => (dialect === "sqlite" ? b.autoIncrement() : b)))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("dossier_uid", "text")
    .addColumn("added_by", "text")
    .addColumn("added_at", "text", (c) => c.notNull())
    .addColumn("last_sync_at", "text")
    .addColumn("last_sync_status", "text")
    .addColumn("last_sync_summary", "text")
    .addUniqueConstraint("followed_dossiers_key", ["source", "key"])
    .execute();
  await db.schema
    .createTable("followed_files")
    .addColumn("follow_id", "integer", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("followed_files_pk", ["follow_id", "url"])
    .execute();
}
