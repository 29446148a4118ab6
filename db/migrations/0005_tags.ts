/**
 * Tags (themes found by the rules, with their evidence), human decisions on them, and citations
 * of code articles.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.js";

/** Adds tags, tag decisions and citations. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("tags")
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("dossier_uid", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("step_key", "text", (c) => c.notNull())
    .addColumn("theme", "text", (c) => c.notNull())
    .addColumn("evidence", "text", (c) => c.notNull())
    .addColumn("rules_version", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("tags_pk", ["subject_type", "dossier_uid", "subject_id", "step_key", "theme"])
    .execute();
  await db.schema.createIndex("tags_theme").on("tags").columns(["theme", "subject_type"]).execute();

  await db.schema
    .createTable("tag_decisions")
    .addColumn("dossier_uid", "text", (c) => c.notNull())
    .addColumn("provision_id", "text", (c) => c.notNull())
    .addColumn("theme", "text", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("tag_decisions_pk", ["dossier_uid", "provision_id", "theme"])
    .execute();

  await db.schema
    .createTable("citations")
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("dossier_uid", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("step_key", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("article", "text", (c) => c.notNull())
    .addColumn("alinea", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("citations_code").on("citations").columns(["code", "article"]).execute();
  await db.schema.createIndex("citations_subject").on("citations").columns(["dossier_uid", "subject_type"]).execute();
}
