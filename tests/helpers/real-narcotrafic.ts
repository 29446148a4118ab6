/**
 * The usual first step on real data, shared by the tests that read its pages: a fresh SQLite
 * database holding the 1,636 real Narcotrafic amendments of ../shared/fixtures, imported alone
 * (no dossier, no texts). Callers skip when {@link hasRealNarcotrafic} is false.
 */
import path from "node:path";
import { expect } from "vitest";
import { runImport } from "../../src/importer/run-import.js";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { createTestDatabase, type TestDatabase } from "./databases.js";
import { tempDir } from "./fixtures.js";
import { hasSharedFixtures, SHARED_FIXTURES } from "./shared-fixtures.js";

/** True when ../shared/fixtures holds the real Narcotrafic amendments (else a visible message is logged). */
export const hasRealNarcotrafic = (): boolean => hasSharedFixtures("an/narcotrafic-amendements");

/** A new SQLite database with the 1,636 real Narcotrafic amendments imported, and nothing else. */
export async function realNarcotraficDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase("sqlite");
  const run = await runImport(database, {
    kind: findSourceKind("an-amendements")!,
    location: path.join(SHARED_FIXTURES, "an/narcotrafic-amendements"),
    cacheDir: tempDir(),
  });
  expect(run.counts.created).toBe(1636);
  return database;
}
