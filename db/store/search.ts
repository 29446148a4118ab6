/**
 * The search index: one document per provision (its latest text) and per amendment, rebuilt per
 * dossier; queried with SQLite FTS5 or PostgreSQL full-text search.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { Dialect } from "../dialect.js";
import { chunk } from "./common.js";
import { bumpDataVersion } from "./data-version.js";
import { foldForSearch, queryWords } from "../../src/domain/search-extract.js";

/** A document to index. */
export interface SearchDocument {
  readonly kind: "article" | "amendement";
  readonly ref: string;
  readonly title: string;
  readonly body: string;
}

export { foldForSearch, queryWords } from "../../src/domain/search-extract.js";

/** Replaces the documents of a dossier. */
export async function indexDossier(
  db: Kysely<Database>,
  dialect: Dialect,
  dossierUid: string,
  documents: readonly SearchDocument[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await bumpDataVersion(trx);
    await trx.deleteFrom("search_documents").where("dossier_uid", "=", dossierUid).execute();
    if (dialect === "sqlite") await sql`DELETE FROM search_fts WHERE dossier_uid = ${dossierUid}`.execute(trx);
    for (const rows of chunk(documents, 200)) {
      await trx
        .insertInto("search_documents")
        .values(
          rows.map((d) => ({
            kind: d.kind,
            ref: d.ref,
            dossier_uid: dossierUid,
            title: d.title,
            body: d.body,
            folded: foldForSearch(`${d.title}\n${d.body}`),
          })),
        )
        .execute();
      if (dialect === "sqlite") {
        for (const d of rows)
          await sql`INSERT INTO search_fts (kind, ref, dossier_uid, title, body) VALUES (${d.kind}, ${d.ref}, ${dossierUid}, ${d.title}, ${d.body})`.execute(
            trx,
          );
      }
    }
  });
}

/** A search hit. */
export interface SearchHit {
  readonly kind: string;
  readonly ref: string;
  readonly dossierUid: string;
  readonly title: string;
  readonly body: string;
}

/** Documents containing every word of the query (prefix match on the last one). */
export async function searchDocuments(
  db: Kysely<Database>,
  dialect: Dialect,
  query: string,
  filters: { kind?: string | null; dossierUid?: string | null; limit?: number } = {},
): Promise<SearchHit[]> {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const limit = Math.min(filters.limit ?? 50, 200);
  if (dialect === "sqlite") {
    const match = words.map((w, i) => `"${w}"${i === words.length - 1 ? "*" : ""}`).join(" ");
    const rows = await sql<{ kind: string; ref: string; dossier_uid: string; title: string; body: string }>`
      SELECT kind, ref, dossier_uid, title, body FROM search_fts
      WHERE search_fts MATCH ${match}
        AND (${filters.kind ?? null} IS NULL OR kind = ${filters.kind ?? null})
        AND (${filters.dossierUid ?? null} IS NULL OR dossier_uid = ${filters.dossierUid ?? null})
      ORDER BY rank LIMIT ${limit}`.execute(db);
    return rows.rows.map((r) => ({ kind: r.kind, ref: r.ref, dossierUid: r.dossier_uid, title: r.title, body: r.body }));
  }
  const tsquery = words.map((w, i) => `${w.replace(/'/g, "")}${i === words.length - 1 ? ":*" : ""}`).join(" & ");
  const rows = await sql<{ kind: string; ref: string; dossier_uid: string; title: string; body: string }>`
    SELECT kind, ref, dossier_uid, title, body FROM search_documents
    WHERE tsv @@ to_tsquery('french', ${tsquery})
      AND (${filters.kind ?? null}::text IS NULL OR kind = ${filters.kind ?? null})
      AND (${filters.dossierUid ?? null}::text IS NULL OR dossier_uid = ${filters.dossierUid ?? null})
    ORDER BY ts_rank(tsv, to_tsquery('french', ${tsquery})) DESC LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => ({ kind: r.kind, ref: r.ref, dossierUid: r.dossier_uid, title: r.title, body: r.body }));
}
