/**
 * Text content: each text version split into divisions, articles (with their alinéas) and annexes.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.js";

/** Adds the content of text versions. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  for (const column of ["format", "source", "content_hash", "parsed_at", "outcome", "warnings", "full_title"]) {
    await db.schema.alterTable("texts").addColumn(column, "text").execute();
  }

  await db.schema
    .createTable("text_divisions")
    .addColumn("text_uid", "text", (c) => c.notNull())
    .addColumn("division_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("parent_id", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("heading", "text")
    .addColumn("markers", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("text_divisions_pk", ["text_uid", "division_id"])
    .execute();

  await db.schema
    .createTable("text_articles")
    .addColumn("text_uid", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("number", "text")
    .addColumn("sort_key", "text")
    .addColumn("heading", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("markers", "text", (c) => c.notNull())
    .addColumn("division_id", "text")
    .addColumn("alineas", "text", (c) => c.notNull())
    .addColumn("group_numbers", "text")
    .addColumn("open_range", "text")
    .addColumn("duplicate", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("text_articles_pk", ["text_uid", "position"])
    .execute();
  await db.schema.createIndex("text_articles_number").on("text_articles").columns(["text_uid", "number"]).execute();

  await db.schema
    .createTable("text_annexes")
    .addColumn("text_uid", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("alineas", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("text_annexes_pk", ["text_uid", "position"])
    .execute();
}
