/**
 * Provisions (articles followed across the navette) and their state at every step.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.js";

/** Adds provisions and provision states. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("provisions")
    .addColumn("dossier_uid", "text", (c) => c.notNull())
    .addColumn("provision_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("first_number", "text", (c) => c.notNull())
    .addColumn("last_number", "text", (c) => c.notNull())
    .addColumn("last_status", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("provisions_pk", ["dossier_uid", "provision_id"])
    .execute();

  await db.schema
    .createTable("provision_states")
    .addColumn("dossier_uid", "text", (c) => c.notNull())
    .addColumn("provision_id", "text", (c) => c.notNull())
    .addColumn("step_key", "text", (c) => c.notNull())
    .addColumn("step_position", "integer", (c) => c.notNull())
    .addColumn("text_uid", "text")
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("change_ratio", dialect === "postgres" ? "double precision" : "real", (c) => c.notNull())
    .addColumn("base_step_key", "text")
    .addColumn("printed", "integer", (c) => c.notNull())
    .addColumn("closed", "integer", (c) => c.notNull())
    .addColumn("alineas", "text", (c) => c.notNull())
    .addColumn("causes", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("provision_states_pk", ["dossier_uid", "provision_id", "step_key"])
    .execute();
  await db.schema.createIndex("provision_states_step").on("provision_states").columns(["dossier_uid", "step_key"]).execute();
}
