/**
 * Runs that can be resumed: an import run records the process that runs it (`host`, `pid`) and
 * a heartbeat, so that a later run can tell a run whose process died (killed, machine restarted)
 * from one still going, mark it `interrupted`, and finish its work (analysis, tagging, search
 * index of the dossiers it touched); `resumed_by` names the run that did.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.js";

/** Adds import_runs.host, pid, heartbeat_at and resumed_by. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("import_runs").addColumn("host", "text").execute();
  await db.schema.alterTable("import_runs").addColumn("pid", "integer").execute();
  await db.schema.alterTable("import_runs").addColumn("heartbeat_at", "text").execute();
  await db.schema.alterTable("import_runs").addColumn("resumed_by", "integer").execute();
  await db.schema.createIndex("import_runs_status").on("import_runs").column("status").execute();
}
