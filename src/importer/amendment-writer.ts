/**
 * Writing an import's batches of amendments, one transaction a batch, in order.
 *
 * better-sqlite3 blocks its thread while SQLite writes, so an import that writes where it parses
 * waits for every commit. Once an import has filled a whole batch (a large source: more batches
 * follow), a SQLite file is written by a worker thread with its own connection, and the next batch
 * is read and mapped while the last one is written; at most one batch waits behind the writer.
 * Small imports, in-memory databases and PostgreSQL (whose driver does not block) write in the
 * importing thread.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Kysely } from "kysely";
import type { DatabaseHandle } from "../../db/connection.js";
import type { Database } from "../../db/schema.js";
import { storeAmendments, type StoreContext } from "../../db/store/amendments.js";
import { linkNewSenatAmendments } from "../../db/store/dossiers.js";
import { recordHeartbeat } from "../../db/store/import-runs.js";
import type { StoreCounts } from "../../db/store/common.js";
import type { AmendmentRecord } from "../domain/amendment.js";

/** Stores one batch: its amendments and events, the Sénat ones linked to their dossier, and the run's heartbeat. */
export async function writeAmendmentBatch(
  db: Kysely<Database>,
  records: readonly AmendmentRecord[],
  context: StoreContext,
): Promise<StoreCounts> {
  const counts = await storeAmendments(db, records, context);
  const unlinked = records.filter((a) => a.chamber === "SN" && a.dossierUid === null).map((a) => a.uid);
  if (unlinked.length) await linkNewSenatAmendments(db, unlinked);
  if (context.runId !== null) await recordHeartbeat(db, context.runId);
  return counts;
}

/** A batch for the worker thread. */
export interface BatchRequest {
  readonly id: number;
  readonly records: readonly AmendmentRecord[];
  readonly context: StoreContext;
}

/** The worker thread's answer to a batch. */
export type BatchReply = { readonly id: number; readonly counts: StoreCounts } | { readonly id: number; readonly error: string };

/**
 * The worker module next to this one, as built (.js), or as run from the sources by tsx or the
 * tests (.ts: the worker registers tsx first, found from the working folder, the project's).
 */
function startWorker(file: string): Worker {
  const fromSources = path.extname(fileURLToPath(import.meta.url)) === ".ts";
  const url = new URL(`./amendment-writer-worker${fromSources ? ".ts" : ".js"}`, import.meta.url);
  if (!fromSources) return new Worker(url, { workerData: { file } });
  const boot = `import("tsx/esm/api").then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData: { file } });
}

/** The worker thread and the batches it has not answered yet. */
class WriterThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (c: StoreCounts) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(file: string) {
    this.worker = startWorker(file);
    this.worker.on("message", (reply: BatchReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ("error" in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.counts);
    });
    this.worker.on("error", (error) => this.failAll(error));
    this.worker.on("exit", (code) => this.failAll(new Error(`l'écriture des amendements s'est arrêtée (code ${code})`)));
  }

  store(records: readonly AmendmentRecord[], context: StoreContext): Promise<StoreCounts> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, records, context } satisfies BatchRequest);
    });
  }

  /** Lets the worker close its connection, and waits for it to end. */
  async close(): Promise<void> {
    const ended = new Promise((resolve) => this.worker.once("exit", resolve));
    this.worker.postMessage({ close: true });
    await ended;
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

/** True when batches can be written by another thread: a SQLite file (not in memory). */
function writableFromWorker(handle: DatabaseHandle): boolean {
  return handle.dialect === "sqlite" && handle.location !== ":memory:" && handle.location !== "";
}

/** Writes an import's amendment batches in order, in a worker thread once the import proves large. */
export class AmendmentWriter {
  private thread: WriterThread | null = null;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly onCounts: (counts: StoreCounts) => void,
  ) {}

  /**
   * Hands a batch over. `more`: the import filled a whole batch, others follow. Resolves once the
   * previous batch is written (its failure is thrown here); the batch given may still be written.
   */
  async write(records: readonly AmendmentRecord[], context: StoreContext, more: boolean): Promise<void> {
    await this.inFlight;
    if (!this.thread && more && writableFromWorker(this.handle)) this.thread = new WriterThread(this.handle.location);
    if (!this.thread) {
      this.onCounts(await writeAmendmentBatch(this.handle.db, records, context));
      return;
    }
    const written = this.thread.store(records, context).then(this.onCounts);
    written.catch(() => {}); // thrown by the next write or drain
    this.inFlight = written;
  }

  /** True once batches go to the worker thread. */
  get threaded(): boolean {
    return this.thread !== null;
  }

  /** Resolves when every batch handed over is written; throws the failure of the last one. */
  async drain(): Promise<void> {
    await this.inFlight;
  }

  /** Ends the worker thread, if any, once its last batch is written or has failed. */
  async close(): Promise<void> {
    await this.inFlight.catch(() => {});
    await this.thread?.close();
    this.thread = null;
  }
}
