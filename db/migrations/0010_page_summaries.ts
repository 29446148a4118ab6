/**
 * Pages read many times between two imports: what they count is kept up to date when the data
 * is written, and a data version tells web processes whether a rendered page still holds.
 *
 * - `data_version`: one row; every write transaction that changes what a page shows increments
 *   it, in the same transaction (pages' ETags and the rendered-page cache are keyed by it).
 * - `amendments.provision_id` / `provision_link`: the provision an amendment is about, set by
 *   the analysis from the text it was filed on (src/domain/navette/amendment-links.ts); pages
 *   and feeds read this link, never a bare article number.
 * - `amendment_counts`: amendments by dossier and outcome (`facet` "dossier"), by text
 *   ("text", `key` = text uid) and by provision ("provision", `key` = provision id, "" when not
 *   attached), maintained in the transactions that write amendments and their links.
 * - `theme_counts`, `citation_counts`: articles and amendments by dossier and theme, and by dossier
 *   and code article cited, rewritten with the dossier's tags and citations.
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

  await db.schema.alterTable("amendments").addColumn("provision_id", "text").execute();
  await db.schema.alterTable("amendments").addColumn("provision_link", "text").execute();
  await db.schema.createIndex("amendments_provision").on("amendments").columns(["dossier_uid", "provision_id"]).execute();

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
  // Links are set by the next analysis, which recounts the "provision" facet: until then, every amendment is unattached ("").
  for (const facet of ["dossier", "provision"]) {
    await sql`insert into amendment_counts (dossier_uid, facet, key, outcome, n)
      select dossier_uid, ${facet}, '', outcome, count(*) from amendments
      where dossier_uid is not null group by dossier_uid, outcome`.execute(db);
  }
  await sql`insert into amendment_counts (dossier_uid, facet, key, outcome, n)
    select dossier_uid, 'text', coalesce(text_uid, ''), outcome, count(*) from amendments
    where dossier_uid is not null group by dossier_uid, coalesce(text_uid, ''), outcome`.execute(db);

  await sql`create index events_when on events ((coalesce(occurred_at, recorded_at)) desc, id desc)`.execute(db);
  await sql`create index events_dossier_when on events (dossier_uid, (coalesce(occurred_at, recorded_at)) desc, id desc)`.execute(db);
  await db.schema.createIndex("events_subject_id").on("events").columns(["subject_id", "id"]).execute();
  await db.schema.createIndex("tags_subject").on("tags").columns(["subject_id", "subject_type"]).execute();
  // A theme's amendments are listed in this index's order, so a page stops after its first rows.
  await db.schema.dropIndex("tags_theme").execute();
  await db.schema.createIndex("tags_theme").on("tags").columns(["theme", "subject_type", "dossier_uid", "subject_id"]).execute();

  await db.schema
    .createTable("theme_counts")
    .addColumn("dossier_uid", "text", (c) => c.notNull())
    .addColumn("theme", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("theme_counts_pk", ["dossier_uid", "theme", "subject_type"])
    .execute();
  await sql`insert into theme_counts (dossier_uid, theme, subject_type, n)
    select dossier_uid, theme, subject_type, count(distinct subject_id) from tags group by dossier_uid, theme, subject_type`.execute(db);
  await db.schema
    .createTable("citation_counts")
    .addColumn("dossier_uid", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("article", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("citation_counts_pk", ["dossier_uid", "code", "article"])
    .execute();
  await sql`insert into citation_counts (dossier_uid, code, article, n)
    select dossier_uid, code, article, count(distinct subject_type || '/' || subject_id) from citations
    group by dossier_uid, code, article`.execute(db);
  // Superseded, and each costs every import: (subject_id, id) serves lookups by subject; (dossier_uid, provision_id) by dossier.
  await db.schema.dropIndex("events_subject").execute();
  await db.schema.dropIndex("amendments_dossier").execute();
}
