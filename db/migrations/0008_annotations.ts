/**
 * Annotations of volunteers on provisions, with their edit history.
 */
import type { Kysely } from "kysely";
import { idColumn, type Dialect } from "../dialect.js";

/** Adds annotations and their revisions. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("annotations")
    .addColumn("id", idColumn(dialect), (c) => c.primaryKey().$call((b) => (dialect === "sqlite" ? b.autoIncrement() : b)))
    .addColumn("dossier_uid", "text", (c) => c.notNull())
    .addColumn("provision_id", "text", (c) => c.notNull())
    .addColumn("step_key", "text", (c) => c.notNull())
    .addColumn("alinea", "integer")
    .addColumn("quote", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("author_id", "integer", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("hidden", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("annotations_provision").on("annotations").columns(["dossier_uid", "provision_id"]).execute();
  await db.schema
    .createTable("annotation_revisions")
    .addColumn("annotation_id", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("edited_by", "integer", (c) => c.notNull())
    .addColumn("edited_at", "text", (c) => c.notNull())
    .execute();
}
