/**
 * First schema: dossiers, steps, texts, amendments, the event log, import runs and errors.
 */
import type { Kysely } from "kysely";
import { idColumn, type Dialect } from "../dialect.js";

/** Creates the first version of every table. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("dossiers")
    .addColumn("uid", "text", (c) => c.primaryKey())
    .addColumn("legislature", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("slug", "text")
    .addColumn("procedure", "text")
    .addColumn("senat_signet", "text")
    .addColumn("senat_url", "text")
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("dossier_steps")
    .addColumn("dossier_uid", "text", (c) => c.notNull().references("dossiers.uid").onDelete("cascade"))
    .addColumn("step_key", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("reading", "text", (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("date", "text")
    .addColumn("text_uid", "text")
    .addColumn("text_role", "text")
    .addColumn("outcome", "text")
    .addColumn("succeeded", "integer", (c) => c.notNull())
    .addColumn("details", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("dossier_steps_pk", ["dossier_uid", "step_key"])
    .execute();
  await db.schema.createIndex("dossier_steps_text").on("dossier_steps").column("text_uid").execute();

  await db.schema
    .createTable("texts")
    .addColumn("uid", "text", (c) => c.primaryKey())
    .addColumn("dossier_uid", "text")
    .addColumn("chamber", "text")
    .addColumn("number", "text")
    .addColumn("title", "text")
    .addColumn("kind", "text")
    .addColumn("date", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("texts_dossier").on("texts").column("dossier_uid").execute();

  let amendments = db.schema.createTable("amendments").addColumn("uid", "text", (c) => c.primaryKey());
  for (const name of [
    "chamber",
    "number_long",
    "number",
    "prefix",
    "target_kind",
    "author_type",
    "cosigner_refs",
    "outcome",
    "content_hash",
    "created_at",
    "updated_at",
  ]) {
    amendments = amendments.addColumn(name, "text", (c) => c.notNull());
  }
  for (const name of [
    "legislature",
    "dossier_uid",
    "text_uid",
    "text_number",
    "exam_ref",
    "organ_ref",
    "stage",
    "target_label",
    "target_article",
    "target_article_sort_key",
    "target_position",
    "target_alinea",
    "author_ref",
    "author_name",
    "group_ref",
    "signatories",
    "dispositif_html",
    "dispositif_text",
    "expose_html",
    "expose_text",
    "notice",
    "outcome_detail",
    "raw_state",
    "raw_sub_state",
    "raw_sort",
    "parent_uid",
    "identical_discussion_id",
    "common_discussion_id",
    "discussion_order",
    "deposited_at",
    "published_at",
    "decided_at",
    "code_reference",
    "source_file",
  ]) {
    amendments = amendments.addColumn(name, "text");
  }
  await amendments
    .addColumn("rectification", "integer", (c) => c.notNull())
    .addColumn("second_deliberation", "integer", (c) => c.notNull())
    .addColumn("first_run_id", "integer")
    .execute();
  await db.schema.createIndex("amendments_text").on("amendments").columns(["text_uid", "target_article_sort_key"]).execute();
  await db.schema.createIndex("amendments_dossier").on("amendments").column("dossier_uid").execute();
  await db.schema.createIndex("amendments_parent").on("amendments").column("parent_uid").execute();

  await db.schema
    .createTable("events")
    .addColumn("id", idColumn(dialect), (c) => c.primaryKey().$call((b) => (dialect === "sqlite" ? b.autoIncrement() : b)))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("dossier_uid", "text")
    .addColumn("text_uid", "text")
    .addColumn("article", "text")
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("occurred_at", "text")
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("run_id", "integer")
    .execute();
  await db.schema.createIndex("events_subject").on("events").columns(["subject_type", "subject_id"]).execute();
  await db.schema.createIndex("events_dossier").on("events").columns(["dossier_uid", "id"]).execute();

  await db.schema
    .createTable("import_runs")
    .addColumn("id", idColumn(dialect), (c) => c.primaryKey().$call((b) => (dialect === "sqlite" ? b.autoIncrement() : b)))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("counts", "text", (c) => c.notNull())
    .addColumn("message", "text")
    .execute();

  await db.schema
    .createTable("import_errors")
    .addColumn("id", idColumn(dialect), (c) => c.primaryKey().$call((b) => (dialect === "sqlite" ? b.autoIncrement() : b)))
    .addColumn("run_id", "integer", (c) => c.notNull())
    .addColumn("file", "text", (c) => c.notNull())
    .addColumn("record", "text")
    .addColumn("severity", "text", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("import_errors_run").on("import_errors").column("run_id").execute();
}
