/**
 * Budget amendments: `amendments.credits` holds the credit table (mission, AE and CP per
 * programme) of an amendment to a finance bill's credits, as JSON (src/domain/credit-table.ts);
 * null for every other amendment.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.js";

/** Adds amendments.credits. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("amendments").addColumn("credits", "text").execute();
}
