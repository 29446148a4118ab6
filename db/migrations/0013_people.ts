/**
 * Names instead of codes: `actors` (deputies and other persons, `PA…`) and `organs` (political
 * groups, committees…, `PO…`) from the AN "AMO" open data, read when pages and feeds show an
 * amendment's author and group.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.js";

/** Creates actors and organs. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("actors")
    .addColumn("uid", "text", (c) => c.primaryKey())
    .addColumn("civility", "text")
    .addColumn("first_name", "text", (c) => c.notNull())
    .addColumn("last_name", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("organs")
    .addColumn("uid", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("abbreviation", "text")
    .addColumn("legislature", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}
