/**
 * Faults: an import killed with SIGKILL at several points, then re-run, leaves a database
 * identical row for row to an uninterrupted import — no duplicates, no lost events — and readers
 * of the database during the import never see an error or a half-written batch.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { writeCorpusZip } from "../../bench/corpus.js";
import { tempDir } from "../helpers/fixtures.js";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const AMENDMENTS = 3000;

interface ImportProcess {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
}

/** Runs the import phase of the bench script in its own process. */
function startImport(zip: string, db: string): ImportProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/ingest.ts"), "import", zip, db], {
    cwd: ROOT,
    stdio: "ignore",
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { exited, kill: () => child.kill("SIGKILL") };
}

const importProcess = (zip: string, db: string) => startImport(zip, db).exited;

/** The content of the database that must not depend on how the import went. */
function snapshot(db: string) {
  const sqlite = new SQLite(db, { readonly: true });
  const amendments = sqlite
    .prepare("SELECT * FROM amendments ORDER BY uid")
    .all()
    .map((row) => {
      const { created_at: _c, updated_at: _u, first_run_id: _r, ...rest } = row as Record<string, unknown>;
      return rest;
    });
  const events = sqlite
    .prepare("SELECT kind, subject_id, COUNT(*) AS n FROM events GROUP BY kind, subject_id ORDER BY kind, subject_id")
    .all();
  sqlite.close();
  return { amendments, events };
}

describe("import interrupted by SIGKILL", () => {
  it("finishes on re-run with the same database as an uninterrupted import, readers never seeing half a batch", async () => {
    const dir = tempDir();
    const zip = path.join(dir, "Amendements.json.zip");
    await writeCorpusZip(zip, AMENDMENTS, 30, 6);

    const reference = path.join(dir, "reference.sqlite");
    expect((await importProcess(zip, reference)).code).toBe(0);

    const crashed = path.join(dir, "crashed.sqlite");
    const readings: Array<{ amendments: number; filed: number }> = [];
    const readerErrors: string[] = [];
    const kills: Array<NodeJS.Signals | null> = [];
    // Kill points set by progress, not by time (a timer fires too late on a loaded machine): each
    // run is killed as soon as a reader sees that many amendments stored.
    for (const threshold of [0.2, 0.45, 0.7].map((f) => Math.round(f * AMENDMENTS))) {
      const running = startImport(zip, crashed);
      // Read the database while the importer writes it (WAL: readers are not blocked).
      const poll = setInterval(() => {
        try {
          const sqlite = new SQLite(crashed, { readonly: true, fileMustExist: true, timeout: 5000 });
          const read = sqlite.transaction(() => ({
            amendments: (sqlite.prepare("SELECT COUNT(*) AS n FROM amendments").get() as { n: number }).n,
            filed: (sqlite.prepare("SELECT COUNT(*) AS n FROM events WHERE kind = 'amendment.filed'").get() as { n: number }).n,
          }));
          const reading = read();
          readings.push(reading);
          sqlite.close();
          if (reading.amendments >= threshold) running.kill();
        } catch (error) {
          const message = (error as Error).message;
          // Before the importer created the file and its tables, there is nothing to read yet.
          if (!/does not exist|no such table|unable to open/.test(message)) readerErrors.push(message);
        }
      }, 20);
      kills.push((await running.exited).signal);
      clearInterval(poll);
    }
    expect(kills).toEqual(["SIGKILL", "SIGKILL", "SIGKILL"]);
    const partial = snapshot(crashed).amendments.length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(AMENDMENTS);

    expect((await importProcess(zip, crashed)).code).toBe(0);
    const expected = snapshot(reference);
    const actual = snapshot(crashed);
    expect(actual.amendments).toHaveLength(AMENDMENTS);
    expect(actual.amendments).toEqual(expected.amendments);
    expect(actual.events).toEqual(expected.events);
    expect((actual.events as Array<{ n: number }>).every((e) => e.n === 1)).toBe(true);

    expect(readerErrors).toEqual([]);
    expect(readings.length).toBeGreaterThan(5);
    // Each batch writes amendments and their events in one transaction: never one without the other.
    expect(readings.filter((r) => r.amendments !== r.filed)).toEqual([]);
  }, 180_000);
});
