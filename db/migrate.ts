/**
 * Schema migrations, the same list for SQLite and PostgreSQL.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { Dialect } from "./dialect.js";
import type { DatabaseHandle } from "./connection.js";
import * as initial from "./migrations/0001_initial.js";
import * as textContent from "./migrations/0002_text_content.js";
import * as provisions from "./migrations/0003_provisions.js";
import * as dossierSources from "./migrations/0004_dossier_sources.js";
import * as tags from "./migrations/0005_tags.js";
import * as search from "./migrations/0006_search.js";
import * as accounts from "./migrations/0007_accounts.js";
import * as annotations from "./migrations/0008_annotations.js";
import * as loginLimits from "./migrations/0009_login_limits.js";
import * as pageSummaries from "./migrations/0010_page_summaries.js";
import * as runRecovery from "./migrations/0011_run_recovery.js";
import * as budgetAmendments from "./migrations/0012_budget_amendments.js";
import * as people from "./migrations/0013_people.js";
import * as followed from "./migrations/0014_followed.js";
import * as constitutionalDecisions from "./migrations/0015_constitutional_decisions.js";
import * as readerWording from "./migrations/0016_reader_wording.js";

interface DialectMigration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/** Every migration, in order. Names never change once released. */
const MIGRATIONS: ReadonlyArray<readonly [string, DialectMigration]> = [
  ["0001_initial", initial],
  ["0002_text_content", textContent],
  ["0003_provisions", provisions],
  ["0004_dossier_sources", dossierSources],
  ["0005_tags", tags],
  ["0006_search", search],
  ["0007_accounts", accounts],
  ["0008_annotations", annotations],
  ["0009_login_limits", loginLimits],
  ["0010_page_summaries", pageSummaries],
  ["0011_run_recovery", runRecovery],
  ["0012_budget_amendments", budgetAmendments],
  ["0013_people", people],
  ["0014_followed", followed],
  ["0015_constitutional_decisions", constitutionalDecisions],
  ["0016_reader_wording", readerWording],
];

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(
      Object.fromEntries(MIGRATIONS.map(([name, migration]) => [name, { up: (db: Kysely<unknown>) => migration.up(db, this.dialect) }])),
    );
  }
}

async function currentSchema(handle: DatabaseHandle): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db);
  return rows[0]?.schema ?? "public";
}

/** Brings the schema up to date; returns the names of the migrations applied now. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const migrator = new Migrator({
    db: handle.db,
    provider: new StaticProvider(handle.dialect),
    migrationTableName: "navette_migrations",
    migrationLockTableName: "navette_migrations_lock",
    // PostgreSQL: the migration tables of the schema in use (its search_path), not those of any
    // schema of the database (Kysely looks in every schema when none is named).
    ...(handle.dialect === "postgres" ? { migrationTableSchema: await currentSchema(handle) } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "?";
    throw new Error(`échec de la migration ${failed} : ${error instanceof Error ? error.message : JSON.stringify(error)}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
