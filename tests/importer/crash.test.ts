/**
 * Faults: `navette ingest` killed with SIGKILL in each phase — storage, analysis, tagging, search
 * indexing — then run again, leaves a database identical row for row to an uninterrupted import
 * (amendments, events, provisions, tags, citations, search documents, page summaries). Readers
 * of the database during the import never see an error or a half-written batch, and the killed
 * runs are marked interrupted, each resumed by the run that finished its work.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusDossierUid, writeCorpusZip } from "../../bench/corpus.js";
import type { DatabaseHandle } from "../../db/connection.js";
import { loadDemo } from "../../src/importer/demo.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { tempDir } from "../helpers/fixtures.js";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const AMENDMENTS = 1500;
const DEMO_DOSSIER = "DLR5L17N99901";

interface ImportProcess {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** Kills the process (SIGKILL) as soon as its progress lines contain `line`. */
  killOn(line: string): void;
  kill(): void;
}

/** Runs `navette ingest an-amendements <zip>` on the database in its own process. */
function startImport(zip: string, databaseUrl: string): ImportProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/main.ts"), "ingest", "an-amendements", zip], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, NAVETTE_DATA_DIR: tempDir() },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let trigger: string | null = null;
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    if (trigger && stderr.includes(trigger)) child.kill("SIGKILL");
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return {
    exited,
    killOn: (line) => (trigger = line),
    kill: () => child.kill("SIGKILL"),
  };
}

/** Columns that tell when or by which run a row was written, not what it holds. */
const RUN_COLUMNS = new Set(["created_at", "updated_at", "first_run_id", "recorded_at", "run_id", "id"]);

/** Every table whose content must not depend on how the import went, rows sorted. */
async function snapshot(handle: DatabaseHandle): Promise<Record<string, string[]>> {
  const tables = [
    "amendments",
    "events",
    "provisions",
    "provision_states",
    "tags",
    "citations",
    "search_documents",
    "amendment_counts",
    "theme_counts",
    "citation_counts",
  ];
  if (handle.dialect === "sqlite") tables.push("search_fts");
  const result: Record<string, string[]> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(handle.db);
    result[table] = rows
      .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([column]) => !RUN_COLUMNS.has(column)))))
      .sort();
  }
  return result;
}

async function count(handle: DatabaseHandle, table: "amendments" | "tags" | "search_documents"): Promise<number> {
  const row = await handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(TEST_DIALECTS)("import killed in every phase, on $dialect", ({ dialect, available }) => {
  let reference: TestDatabase;
  let crashed: TestDatabase;
  let zip: string;

  beforeAll(async () => {
    if (!available) return;
    zip = path.join(tempDir(), "Amendements.json.zip");
    // Dossier 0 of the corpus is the demo's bill: its amendments make the import analyse it again.
    await writeCorpusZip(zip, AMENDMENTS, 30, 15, (d) => (d === 0 ? DEMO_DOSSIER : corpusDossierUid(d)));
    reference = await createTestDatabase(dialect);
    crashed = await createTestDatabase(dialect);
    for (const db of [reference, crashed]) await loadDemo(db);
  }, 120_000);
  afterAll(async () => {
    await reference?.dispose();
    await crashed?.dispose();
  });

  it.skipIf(!available)(
    "finishes on re-run with the same database as an uninterrupted import",
    async () => {
      const uninterrupted = await startImport(zip, reference.url).exited;
      expect(uninterrupted.code, uninterrupted.stderr).toBe(0);
      const expected = await snapshot(reference);
      const demoAmendments = await count(crashed, "amendments");

      // 1. Storage: killed when a reader sees 40 % of the amendments stored; the reader checks
      // that a batch's amendments and their events always appear together.
      const readerErrors: string[] = [];
      const halfBatches: string[] = [];
      const reader = crashed.reopen();
      const storing = startImport(zip, crashed.url);
      let polls = 0;
      const poll = setInterval(() => {
        void sql<{
          a: number;
          f: number;
        }>`select (select count(*) from amendments) as a, (select count(*) from events where kind = 'amendment.filed') as f`
          .execute(reader.db)
          .then(({ rows: [row] }) => {
            polls++;
            const stored = Number(row?.a) - demoAmendments;
            if (Number(row?.a) !== Number(row?.f)) halfBatches.push(`${row?.a} amendements, ${row?.f} événements`);
            if (stored >= 0.4 * AMENDMENTS) storing.kill();
          })
          .catch((error: Error) => readerErrors.push(error.message));
      }, 20);
      const storage = await storing.exited;
      clearInterval(poll);
      await reader.close();
      expect(storage.signal).toBe("SIGKILL");
      const stored = (await count(crashed, "amendments")) - demoAmendments;
      expect(stored).toBeGreaterThan(0);
      expect(stored).toBeLessThan(AMENDMENTS);
      expect(readerErrors).toEqual([]);
      expect(halfBatches).toEqual([]);
      expect(polls).toBeGreaterThan(5);

      // 2–4. Killed as each later phase starts; each run takes over what the previous ones left.
      const referenceTags = await count(reference, "tags");
      const referenceDocuments = await count(reference, "search_documents");
      for (const phase of ["analyse", "marquage", "indexation"] as const) {
        const running = startImport(zip, crashed.url);
        running.killOn(`${phase} de `);
        const killed = await running.exited;
        expect(killed.signal, `${phase}: ${killed.stderr}`).toBe("SIGKILL");
        const next = { analyse: "marquage de ", marquage: "indexation de ", indexation: "import n° " }[phase];
        expect(killed.stderr + killed.stdout, `killed before the end of ${phase}`).not.toContain(next);
        if (phase !== "analyse") expect(killed.stderr).toMatch(/reprise des imports interrompus n° /);
        // Killed mid-phase: part of the dossiers done, not all.
        if (phase === "marquage") expect(await count(crashed, "tags")).toBeLessThan(referenceTags);
        if (phase === "indexation") expect(await count(crashed, "search_documents")).toBeLessThan(referenceDocuments);
      }

      const runs = await crashed.db.selectFrom("import_runs").select(["id", "status", "resumed_by"]).orderBy("id").execute();
      const killedRuns = runs.slice(-4);
      expect(killedRuns.map((r) => r.status)).toEqual(["interrupted", "interrupted", "interrupted", "running"]);

      const final = await startImport(zip, crashed.url).exited;
      expect(final.code, final.stderr).toBe(0);
      expect(final.stdout).toMatch(/imports interrompus n° [\d, ]+ : analyse, marquage et index terminés/);
      expect(await snapshot(crashed)).toEqual(expected);

      const after = await crashed.db.selectFrom("import_runs").select(["id", "status", "resumed_by"]).orderBy("id").execute();
      const last = after.at(-1)!;
      expect(last.status).toBe("ok");
      expect(after.slice(-5, -1)).toEqual(killedRuns.map((r) => ({ ...r, status: "interrupted", resumed_by: last.id })));

      // Nothing left: one more run finds no interrupted work and changes nothing.
      const again = await startImport(zip, crashed.url).exited;
      expect(again.code).toBe(0);
      expect(again.stdout).not.toContain("interrompu");
      expect(await snapshot(crashed)).toEqual(expected);
    },
    300_000,
  );
});
