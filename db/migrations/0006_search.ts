/**
 * Full-text search over articles and amendments: SQLite FTS5 (accents folded by the tokenizer),
 * PostgreSQL tsvector with the French configuration over accent-folded text, GIN index.
 */
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../dialect.js";

/** Adds the search documents and their index. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("search_documents")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("ref", "text", (c) => c.notNull())
    .addColumn("dossier_uid", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("folded", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("search_documents_pk", ["kind", "dossier_uid", "ref"])
    .execute();
  if (dialect === "sqlite") {
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(kind UNINDEXED, ref UNINDEXED, dossier_uid UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
  } else {
    await sql`ALTER TABLE search_documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('french', folded)) STORED`.execute(db);
    await sql`CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv)`.execute(db);
  }
}
