/**
 * Real databases for tests: a fresh SQLite file always, and a fresh PostgreSQL schema when
 * TEST_DATABASE_URL points to a server (CI starts one). Without it, PostgreSQL cases are skipped
 * with a visible message.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "../../db/connection.js";
import { migrateToLatest } from "../../db/migrate.js";
import type { Dialect } from "../../db/dialect.js";

const PG_URL = process.env["TEST_DATABASE_URL"];
if (!PG_URL) console.warn("[navette] TEST_DATABASE_URL absent : les tests PostgreSQL sont IGNORÉS (skipped).");

/** A database made for one test; `dispose` removes it. */
export interface TestDatabase extends DatabaseHandle {
  /** What `DATABASE_URL` would be for another process to open it. */
  readonly url: string;
  dispose(): Promise<void>;
  /** A second connection to the same database, as another process would open (close it yourself). */
  reopen(): DatabaseHandle;
}

/** Dialects to run database tests on, with whether each is available. */
export const TEST_DIALECTS: ReadonlyArray<{ dialect: Dialect; available: boolean }> = [
  { dialect: "sqlite", available: true },
  { dialect: "postgres", available: Boolean(PG_URL) },
];

/** Opens a fresh, migrated database of the given dialect. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "navette-test-"));
    const handle = openDatabase(path.join(dir, "test.sqlite"));
    await migrateToLatest(handle);
    return {
      ...handle,
      url: path.join(dir, "test.sqlite"),
      reopen: () => openDatabase(path.join(dir, "test.sqlite")),
      async dispose() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!PG_URL) throw new Error("TEST_DATABASE_URL absent");
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const handle = openDatabase(url.toString());
  const dropSchema = async () => {
    const cleanup = new pg.Client({ connectionString: PG_URL });
    await cleanup.connect();
    await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
    await cleanup.end();
  };
  try {
    await migrateToLatest(handle);
  } catch (error) {
    // A schema left behind would make Kysely's migrator (which looks for its tables in every schema) fail every later test.
    await handle.close();
    await dropSchema();
    throw error;
  }
  return {
    ...handle,
    url: url.toString(),
    reopen: () => openDatabase(url.toString()),
    async dispose() {
      await handle.close();
      await dropSchema();
    },
  };
}
