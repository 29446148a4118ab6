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

/** The process running an import: the machine's name and the process id. */
export interface RunProcess {
  readonly host: string;
  readonly pid: number;
}

/** Records the start of a run by `owner`; returns its id. */
export async function startRun(db: Kysely<Database>, source: string, location: string, owner: RunProcess | null = null): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto("import_runs")
    .values({
      source,
      location,
      started_at: now,
      status: "running",
      counts: JSON.stringify(emptyRunCounts()),
      message: null,
      host: owner?.host ?? null,
      pid: owner?.pid ?? null,
      heartbeat_at: now,
      resumed_by: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Records that a run is still alive (each batch, each dossier of its later phases). */
export async function recordHeartbeat(db: Kysely<Database>, runId: number): Promise<void> {
  await db.updateTable("import_runs").set({ heartbeat_at: nowIso() }).where("id", "=", runId).execute();
}

/** A run marked running, with what tells whether its process is still there. */
export interface RunningRun extends Partial<RunProcess> {
  readonly id: number;
  readonly heartbeatAt: string | null;
}

/** Runs marked running, other than `exceptId`. */
export async function runningRuns(db: Kysely<Database>, exceptId: number): Promise<RunningRun[]> {
  const rows = await db
    .selectFrom("import_runs")
    .select(["id", "host", "pid", "heartbeat_at"])
    .where("status", "=", "running")
    .where("id", "<>", exceptId)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), heartbeatAt: r.heartbeat_at, ...(r.host && r.pid ? { host: r.host, pid: r.pid } : {}) }));
}

/** Marks runs whose process died as interrupted (only if still marked running). */
export async function markInterrupted(db: Kysely<Database>, runIds: readonly number[]): Promise<void> {
  if (runIds.length === 0) return;
  await db
    .updateTable("import_runs")
    .set({ status: "interrupted", finished_at: nowIso(), message: "interrompu : le processus s'est arrêté avant la fin" })
    .where("id", "in", runIds)
    .where("status", "=", "running")
    .execute();
}

/** Interrupted runs whose work no later run has finished yet. */
export async function unresumedRuns(db: Kysely<Database>): Promise<number[]> {
  const rows = await db
    .selectFrom("import_runs")
    .select("id")
    .where("status", "=", "interrupted")
    .where("resumed_by", "is", null)
    .orderBy("id")
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Records that `byRunId` finished the work of the interrupted runs `runIds`. */
export async function markResumed(db: Kysely<Database>, runIds: readonly number[], byRunId: number): Promise<void> {
  if (runIds.length === 0) return;
  await db.updateTable("import_runs").set({ resumed_by: byRunId }).where("id", "in", runIds).execute();
}

/** Dossiers that the runs' events name (null: amendments attached to no dossier). */
export async function dossiersTouchedBy(db: Kysely<Database>, runIds: readonly number[]): Promise<Array<string | null>> {
  if (runIds.length === 0) return [];
  const rows = await db.selectFrom("events").select("dossier_uid").where("run_id", "in", runIds).distinct().execute();
  return rows.map((r) => r.dossier_uid);
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
