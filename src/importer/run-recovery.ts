/**
 * Runs whose process died: an import killed (SIGKILL, out of memory, machine restarted) stays
 * marked `running`. The next run tells it from a live one — same machine: its process is gone;
 * another machine: no heartbeat for {@link STALE_AFTER_MS} — marks it `interrupted`, and takes
 * over the work it left: the analysis, tagging and search index of every dossier it touched.
 */
import os from "node:os";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import {
  dossiersTouchedBy,
  markInterrupted,
  runningRuns,
  unresumedRuns,
  type RunProcess,
  type RunningRun,
} from "../../db/store/import-runs.js";

/** A run on another machine without a heartbeat for this long is taken as dead. */
export const STALE_AFTER_MS = 30 * 60 * 1000;

/** The process running this code, as recorded on its runs. */
export function thisProcess(): RunProcess {
  return { host: os.hostname(), pid: process.pid };
}

/** Whether the process of a run marked running is still there. */
export function isAlive(run: RunningRun, now = Date.now(), self: RunProcess = thisProcess()): boolean {
  if (run.host === self.host && run.pid !== undefined) {
    if (run.pid === self.pid) return true;
    try {
      process.kill(run.pid, 0);
      return true;
    } catch (error) {
      // EPERM: the process exists but belongs to another user.
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  }
  const heartbeat = run.heartbeatAt ? Date.parse(run.heartbeatAt) : NaN;
  return Number.isFinite(heartbeat) && now - heartbeat < STALE_AFTER_MS;
}

/** Work left by interrupted runs: their ids, and the dossiers they touched (null: no dossier). */
export interface LeftWork {
  readonly runIds: number[];
  readonly dossiers: Array<string | null>;
}

/** Marks dead runs as interrupted and returns the work no run has finished for them. */
export async function takeOverInterruptedRuns(db: Kysely<Database>, runId: number): Promise<LeftWork> {
  const dead = (await runningRuns(db, runId)).filter((run) => !isAlive(run));
  await markInterrupted(
    db,
    dead.map((run) => run.id),
  );
  const runIds = await unresumedRuns(db);
  return { runIds, dossiers: await dossiersTouchedBy(db, runIds) };
}
