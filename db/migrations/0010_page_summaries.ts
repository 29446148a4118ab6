/**
 * Pages read many times between two imports: what they count is kept up to date when the data
 * is written, and a data version tells web processes whether a rendered page still holds.
 *
 * - `data_version`: one row; every write transaction that changes what a page shows increments
 *   it, in the same transaction (pages' ETags and the rendered-page cache are keyed by it).
 * - `amendment_counts`: amendments by dossier and outcome (`facet` "dossier"), by text
 *   ("text", `key` = text uid) and by target article ("article", `key` = article number),
 *   maintained by the amendment store in the transaction that writes the amendments.
 * - Indexes for the pages' ordered reads of events (by when they happened in Parliament) and
 *   for amendments by dossier and article.
 */
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../dialect.js";

/** Creates data_version and amendment_counts (filled from the amendments already stored) and the page indexes. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("data_version")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();
  await sql`insert into data_version (id, version, changed_at) values (1, 1, ${new Date().toISOString()})`.execute(db);

  await db.schema
    .createTable("amendment_counts")
    .addColumn("dossier_uid", "text", (c) => c.notNull())
    .addColumn("facet", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("amendment_counts_pk", ["dossier_uid", "facet", "key", "outcome"])
    .execute();
  await db.schema.createIndex("amendment_counts_facet").on("amendment_counts").columns(["facet", "dossier_uid"]).execute();
  const facets: Array<[string, string]> = [
    ["text", "coalesce(text_uid, '')"],
    ["article", "coalesce(target_article, '')"],
  ];
  await sql`insert into amendment_counts (dossier_uid, facet, key, outcome, n)
    select dossier_uid, 'dossier', '', outcome, count(*) from amendments
    where dossier_uid is not null group by dossier_uid, outcome`.execute(db);
  for (const [facet, key] of facets) {
    await sql`insert into amendment_counts (dossier_uid, facet, key, outcome, n)
      select dossier_uid, ${facet}, ${sql.raw(key)}, outcome, count(*) from amendments
      where dossier_uid is not null group by dossier_uid, ${sql.raw(key)}, outcome`.execute(db);
  }

  await sql`create index events_when on events ((coalesce(occurred_at, recorded_at)) desc, id desc)`.execute(db);
  await sql`create index events_dossier_when on events (dossier_uid, (coalesce(occurred_at, recorded_at)) desc, id desc)`.execute(db);
  await db.schema.createIndex("events_subject_id").on("events").columns(["subject_id", "id"]).execute();
  await db.schema.createIndex("amendments_dossier_article").on("amendments").columns(["dossier_uid", "target_article"]).execute();
}
