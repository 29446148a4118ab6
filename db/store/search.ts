/**
 * The search index: one document per provision (its latest text) and per amendment, rebuilt per
 * dossier; queried with SQLite FTS5 or PostgreSQL full-text search.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { Dialect } from "../dialect.js";
import { chunk } from "./common.js";
import { bumpDataVersion } from "./data-version.js";

/** A document to index. */
export interface SearchDocument {
  readonly kind: "article" | "amendement";
  readonly ref: string;
  readonly title: string;
  readonly body: string;
}

/** Lower case without accents: what both engines compare. */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘]/g, "'");
}

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

/** Words of a query, folded, without operators (user input never reaches the engine's syntax). */
export function queryWords(query: string): string[] {
  return foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 12);
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

/** A short extract of `text` around the first word of the query found in it. */
export function snippet(text: string, query: string, width = 220): { before: string; match: string; after: string } {
  const folded = foldForSearch(text);
  let at = -1;
  let length = 0;
  for (const word of queryWords(query)) {
    const i = folded.indexOf(word);
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      length = word.length;
    }
  }
  if (at < 0) return { before: text.slice(0, width), match: "", after: "" };
  const start = Math.max(0, at - Math.floor(width / 2));
  const end = Math.min(text.length, at + length + Math.floor(width / 2));
  return {
    before: (start > 0 ? "… " : "") + text.slice(start, at),
    match: text.slice(at, at + length),
    after: text.slice(at + length, end) + (end < text.length ? " …" : ""),
  };
}
