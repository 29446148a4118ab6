/**
 * Import runs and their errors: what each `navette ingest` did, for the CLI summary and the UI.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { nowIso } from "./common.js";

/** Counts reported at the end of a run. */
export interface RunCounts {
  created: number;
  changed: number;
  unchanged: number;
  failed: number;
  warnings: number;
  /** Documents of another kind, left aside (e.g. dossiers in a folder of amendments). */
  skipped: number;
}

export function emptyRunCounts(): RunCounts {
  return { created: 0, changed: 0, unchanged: 0, failed: 0, warnings: 0, skipped: 0 };
}

/** Records the start of a run; returns its id. */
export async function startRun(db: Kysely<Database>, source: string, location: string): Promise<number> {
  const row = await db
    .insertInto("import_runs")
    .values({ source, location, started_at: nowIso(), status: "running", counts: JSON.stringify(emptyRunCounts()), message: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Records the end of a run. */
export async function finishRun(
  db: Kysely<Database>,
  runId: number,
  status: "ok" | "partial" | "failed",
  counts: RunCounts,
  message: string | null = null,
): Promise<void> {
  await db
    .updateTable("import_runs")
    .set({ finished_at: nowIso(), status, counts: JSON.stringify(counts), message })
    .where("id", "=", runId)
    .execute();
}

/** One problem met during a run. */
export interface ImportProblem {
  readonly file: string;
  readonly record: string | null;
  readonly severity: "error" | "warning";
  readonly message: string;
}

/** Records problems of a run (in their own statement: they must survive a failed batch). */
export async function recordProblems(db: Kysely<Database>, runId: number, problems: readonly ImportProblem[]): Promise<void> {
  if (problems.length === 0) return;
  const now = nowIso();
  await db
    .insertInto("import_errors")
    .values(
      problems.map((p) => ({ run_id: runId, file: p.file, record: p.record, severity: p.severity, message: p.message, created_at: now })),
    )
    .execute();
}
