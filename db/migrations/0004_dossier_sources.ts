/**
 * What each source (AN open data, Sénat page) said of a dossier, kept to merge them.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.js";

/** Adds dossier sources. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("dossier_sources")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_uid", "text", (c) => c.notNull())
    .addColumn("merge_key", "text")
    .addColumn("record", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("dossier_sources_pk", ["source", "source_uid"])
    .execute();
  await db.schema.createIndex("dossier_sources_key").on("dossier_sources").column("merge_key").execute();
}
