/**
 * Login limits that hold: each attempt is reserved under its keys before the password is checked
 * (`attempt` names the reservation, released on success), and devices where an account has signed
 * in before are known, so that failures by others cannot lock the account out of them.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.js";

/** Adds login_attempts.attempt, known_devices, and an index to purge expired sessions. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("login_attempts").addColumn("attempt", "text").execute();
  await db.schema.createIndex("login_attempts_at").on("login_attempts").column("at").execute();
  await db.schema.createIndex("sessions_expires").on("sessions").column("expires_at").execute();
  await db.schema
    .createTable("known_devices")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("known_devices_created").on("known_devices").column("created_at").execute();
}
