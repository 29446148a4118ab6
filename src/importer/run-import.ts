/**
 * One import run: open the source (download it first when it is a URL), map every document,
 * store the records in batches (each batch one transaction, with its events), record every
 * problem, then analyse, tag and index the dossiers touched — and those of earlier runs that
 * died before finishing (run-recovery.ts) — and report counts. A bad document or record never
 * stops the run.
 */
import path from "node:path";
import type { DatabaseHandle } from "../../db/connection.js";
import { storeDiscussionOrder } from "../../db/store/amendments.js";
import { storeDossierSources, storeTexts } from "../../db/store/dossiers.js";
import { resolveTextUid, storeTextContent } from "../../db/store/text-content.js";
import {
  dossiersTouchedBy,
  emptyRunCounts,
  finishRun,
  markResumed,
  recordHeartbeat,
  recordProblems,
  startRun,
  type ImportProblem,
  type RunCounts,
} from "../../db/store/import-runs.js";
import type { StoreCounts } from "../../db/store/common.js";
import type { StoreContext } from "../../db/store/amendments.js";
import { SourceError } from "../../ingest/document.js";
import { openLocalSource } from "../../ingest/sources/entries.js";
import { postProcess, type PhaseProgress } from "./post-process.js";
import { takeOverInterruptedRuns, thisProcess } from "./run-recovery.js";
import { downloadToCache, type DownloadOptions } from "../../ingest/sources/http.js";
import type { AmendmentRecord } from "../domain/amendment.js";
import type { ActorRecord, OrganRecord } from "../domain/people.js";
import { storePeople } from "../../db/store/people.js";
import { storeDecision } from "../../db/store/constitutional-decisions.js";
import type { DossierRecord, TextRecord } from "../domain/dossier.js";
import type { DocumentRecords, SourceKind } from "./source-kinds.js";
import { AmendmentWriter } from "./amendment-writer.js";

/** Settings of an import run. */
export interface ImportOptions {
  readonly kind: SourceKind;
  /** Local path (file, folder, zip) or http(s) URL. */
  readonly location: string;
  /** Folder for downloaded files. */
  readonly cacheDir: string;
  /** Download settings (retries, timeouts) for URLs. */
  readonly download?: Omit<DownloadOptions, "cacheDir" | "log">;
  /** Uid of the text version being imported (an-texte, senat-texte), when its address does not tell it. */
  readonly textUid?: string;
  /** Run the navette analysis, tagging and search indexing of touched dossiers afterwards (default true). */
  readonly postProcess?: boolean;
  /** Amendments stored per transaction. */
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number | null) => void;
  /** Progress of the phases after storage. */
  readonly onPhase?: PhaseProgress;
  /** Keep only the records of this dossier (amendments, dossiers and texts of others are left aside). */
  readonly onlyDossier?: string;
  /** For a URL already downloaded (by `navette sync`): the local copy to read instead of downloading again. */
  readonly localCopy?: string;
  readonly log?: (message: string) => void;
}

/** What a run did. */
export interface ImportSummary {
  readonly runId: number;
  readonly status: "ok" | "partial" | "failed";
  readonly counts: RunCounts;
  readonly problems: ImportProblem[];
  readonly documents: number;
  /** True when a URL answered 304 and nothing was read. */
  readonly notModified: boolean;
  readonly message: string | null;
  /** Interrupted earlier runs whose work this run finished. */
  readonly resumedRuns: number[];
}

const MAX_PROBLEMS_KEPT = 1000;

/** Counts and problems of a run, as they come. */
export class RunLog {
  readonly counts = emptyRunCounts();
  readonly problems: ImportProblem[] = [];

  constructor(
    private readonly db: DatabaseHandle["db"],
    readonly runId: number,
  ) {}

  /** Counts and records problems (in their own statement: they survive a failed batch). */
  readonly report = async (batch: ImportProblem[]): Promise<void> => {
    for (const p of batch) {
      if (p.severity === "error") this.counts.failed++;
      else this.counts.warnings++;
      if (this.problems.length < MAX_PROBLEMS_KEPT) this.problems.push(p);
    }
    await recordProblems(this.db, this.runId, batch);
  };

  add(c: StoreCounts): void {
    this.counts.created += c.created;
    this.counts.changed += c.changed;
    this.counts.unchanged += c.unchanged;
  }
}

/** The message of a run that found nothing of its kind in its location. */
export const NOTHING_TO_IMPORT = "rien à importer : aucun document de ce type";

/** Runs one import. Never throws for bad input: failures are in the summary and in `import_errors`. */
export async function runImport(handle: DatabaseHandle, options: ImportOptions): Promise<ImportSummary> {
  const { db } = handle;
  const log = options.log ?? (() => {});
  const runId = await startRun(db, options.kind.name, options.location, thisProcess());
  const run = new RunLog(db, runId);
  let status: ImportSummary["status"] = "ok";
  let message: string | null = null;
  let stored = { documents: 0, notModified: false };
  try {
    stored = await storeSource(handle, options, run, log);
    if (run.counts.failed > 0) status = "partial";
    const c = run.counts;
    // Nothing of this kind found (and no « not modified » answer): the run failed, as the command says.
    if (c.created + c.changed + c.unchanged + c.failed === 0 && !stored.notModified) {
      status = "failed";
      message = NOTHING_TO_IMPORT;
    }
  } catch (error) {
    status = "failed";
    message = error instanceof Error ? error.message : String(error);
    const file = error instanceof SourceError ? error.file : options.location;
    await run.report([{ file, record: error instanceof SourceError ? error.record : null, severity: "error", message }]).catch(() => {});
  }
  let resumedRuns: number[] = [];
  if (status !== "failed" && options.postProcess !== false) resumedRuns = await finishDossiers(handle, run, options, log);
  await finishRun(db, runId, status, run.counts, message);
  return { runId, status, counts: run.counts, problems: run.problems, ...stored, message, resumedRuns };
}

/** Post-processes what this run touched and what interrupted runs left; returns the runs resumed. */
export async function finishDossiers(
  handle: DatabaseHandle,
  run: RunLog,
  options: Pick<ImportOptions, "onPhase">,
  log: (m: string) => void,
  alsoDossiers: readonly string[] = [],
): Promise<number[]> {
  const left = await takeOverInterruptedRuns(handle.db, run.runId);
  if (left.runIds.length > 0) {
    log(
      `reprise ${left.runIds.length > 1 ? "des imports interrompus" : "de l'import interrompu"} n° ${left.runIds.join(", ")} : ` +
        `${left.dossiers.length} dossier${left.dossiers.length > 1 ? "s" : ""} à analyser, marquer et indexer`,
    );
  }
  const touched = [...(await dossiersTouchedBy(handle.db, [run.runId])), ...left.dossiers, ...alsoDossiers];
  const done = await postProcess(handle, touched, {
    runId: run.runId,
    report: run.report,
    log,
    ...(options.onPhase ? { onPhase: options.onPhase } : {}),
  });
  if (!done) return [];
  await markResumed(handle.db, left.runIds, run.runId);
  return left.runIds;
}

/** Records waiting for the next transaction, with the file each amendment came from. */
class PendingRecords {
  amendments: AmendmentRecord[] = [];
  sourceFiles = new Map<string, string>();
  dossiers: Array<{ record: DossierRecord; source: "an" | "senat" }> = [];
  texts: TextRecord[] = [];
  actors: ActorRecord[] = [];
  organs: OrganRecord[] = [];

  get full(): boolean {
    return (
      this.amendments.length >= this.batchSize || this.dossiers.length >= 50 || this.actors.length + this.organs.length >= this.batchSize
    );
  }

  constructor(
    private readonly batchSize: number,
    readonly writer: AmendmentWriter,
  ) {}

  /**
   * Stores everything pending, each kind in its transactions. `more`: the batch is full and the
   * source goes on, so its amendments may still be written when this returns; otherwise every
   * amendment handed over is written first (what follows may depend on them).
   */
  async flush(db: DatabaseHandle["db"], run: RunLog, context: StoreContext, more = false): Promise<void> {
    const others = this.dossiers.length + this.texts.length + this.actors.length + this.organs.length;
    if (this.amendments.length) await this.writer.write(this.amendments, { ...context, sourceFileOf: this.sourceFiles }, more);
    if (!more || others > 0) await this.writer.drain();
    for (const source of ["an", "senat"] as const) {
      const records = this.dossiers.filter((d) => d.source === source).map((d) => d.record);
      if (records.length) run.add(await storeDossierSources(db, records, source, context));
    }
    if (this.texts.length) await storeTexts(db, this.texts, context);
    if (this.actors.length || this.organs.length) run.add(await storePeople(db, this.actors, this.organs));
    if (others > 0) await recordHeartbeat(db, run.runId);
    this.actors = [];
    this.organs = [];
    this.amendments = [];
    this.sourceFiles = new Map();
    this.dossiers = [];
    this.texts = [];
  }
}

/** Reads the source and stores its records; returns how many documents were read. */
export async function storeSource(
  handle: DatabaseHandle,
  options: Omit<ImportOptions, "postProcess" | "onPhase">,
  run: RunLog,
  log: (m: string) => void,
): Promise<{ documents: number; notModified: boolean }> {
  let localPath = options.location;
  let notModified = false;
  if (options.localCopy) {
    localPath = options.localCopy;
  } else if (/^https?:\/\//i.test(options.location)) {
    log(`téléchargement de ${options.location}`);
    const download = await downloadToCache(options.location, { ...options.download, cacheDir: options.cacheDir, log });
    localPath = download.file;
    notModified = download.notModified;
  }
  const source = await openLocalSource(localPath, localPath === options.location ? undefined : options.location);
  const writer = new AmendmentWriter(handle, (counts) => run.add(counts));
  try {
    const pending = new PendingRecords(options.batchSize ?? 500, writer);
    return { documents: await storeEntries(handle.db, source, options, run, pending, log), notModified };
  } finally {
    await writer.close();
  }
}

/** Maps and stores every entry of the source; returns how many documents were read. */
async function storeEntries(
  db: DatabaseHandle["db"],
  source: Awaited<ReturnType<typeof openLocalSource>>,
  options: Omit<ImportOptions, "postProcess" | "onPhase">,
  run: RunLog,
  pending: PendingRecords,
  log: (m: string) => void,
): Promise<number> {
  const label = sourceLabel(options.location);
  const context: StoreContext = { runId: run.runId, sourceFile: label };
  let documents = 0;
  for await (const entry of source.entries) {
    if (entry instanceof SourceError) {
      await run.report([{ file: entry.file, record: entry.record, severity: "error", message: entry.message }]);
      continue;
    }
    documents++;
    try {
      const document = { name: entry.name, path: sourcePath(label, entry.name), bytes: await entry.read() };
      await storeDocument(db, options, run, pending, document, log);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      await run.report([{ file: error.file || entry.name, record: error.record, severity: "error", message: error.message }]);
    }
    if (pending.full) await pending.flush(db, run, context, true);
    options.onProgress?.(documents, source.total);
  }
  await pending.flush(db, run, context);
  return documents;
}

/** One document of the source, read. */
interface ReadDocument {
  /** Its name inside the source. */
  readonly name: string;
  /** Where to find it: the source and the name inside it. */
  readonly path: string;
  readonly bytes: Buffer;
}

/** Maps one document; its amendments, dossiers and texts wait for the next batch, its text versions and discussion order are stored now. */
async function storeDocument(
  db: DatabaseHandle["db"],
  options: Omit<ImportOptions, "postProcess" | "onPhase">,
  run: RunLog,
  pending: PendingRecords,
  document: ReadDocument,
  log: (m: string) => void,
): Promise<void> {
  // An Assemblée dump names each document's dossier in its path: another bill's documents are not even parsed.
  if (options.onlyDossier && namesOtherDossier(document.name, options.onlyDossier)) {
    run.counts.skipped++;
    return;
  }
  const parsed = options.kind.parse(document.name, document.bytes);
  if (parsed === null) {
    run.counts.skipped++;
    return;
  }
  const records = options.onlyDossier ? onlyDossier(parsed, options.onlyDossier) : parsed;
  pending.amendments.push(...records.amendments);
  for (const a of records.amendments) pending.sourceFiles.set(a.uid, document.path);
  pending.dossiers.push(...records.dossiers.map((record) => ({ record, source: records.dossierSource ?? ("an" as const) })));
  pending.texts.push(...records.texts);
  pending.actors.push(...(records.actors ?? []));
  pending.organs.push(...(records.organs ?? []));
  const context: StoreContext = { runId: run.runId, sourceFile: document.path };
  if (records.discussion?.length) {
    await pending.flush(db, run, context);
    await storeDiscussion(db, run, document.name, records.discussion);
  }
  if (records.textVersions?.length) await pending.writer.drain();
  for (const version of records.textVersions ?? []) {
    const uid = await resolveTextUid(db, version.identity, options.textUid ?? null);
    if (!uid) {
      const message = "impossible de savoir de quel texte il s'agit : précisez --texte <uid>";
      await run.report([{ file: document.name, record: null, severity: "error", message }]);
      continue;
    }
    const outcome = await storeTextContent(db, uid, version.identity, version.parsed, context);
    run.counts[outcome]++;
    const p = version.parsed;
    const said = outcome === "unchanged" ? "inchangé" : outcome === "created" ? "nouveau" : "modifié";
    log(`texte ${uid} : ${p.articles.length} articles, ${p.divisions.length} divisions, ${p.annexes.length} annexes (${said})`);
  }
  if (records.decisions?.length) await pending.flush(db, run, context);
  for (const decision of records.decisions ?? []) {
    const outcome = await storeDecision(db, decision, context);
    run.counts[outcome]++;
    log(
      `décision n° ${decision.number} : ${decision.censures.length} censure(s) (${outcome === "unchanged" ? "inchangée" : outcome === "created" ? "nouvelle" : "modifiée"})`,
    );
  }
  if (records.problems.length) {
    await run.report(records.problems.map((p) => ({ file: document.name, record: p.record, severity: p.severity, message: p.message })));
  }
}

/** True when the document's path names a dossier other than `dossierUid` (`json/DLR5L17N…/…`). */
function namesOtherDossier(name: string, dossierUid: string): boolean {
  const named = /DLR5L\d{2}N\d+/.exec(name)?.[0];
  return named !== undefined && named !== dossierUid;
}

/** The records of one dossier, for documents whose path does not tell (an Assemblée dump holds a whole legislature). */
function onlyDossier(records: DocumentRecords, dossierUid: string): DocumentRecords {
  return {
    ...records,
    amendments: records.amendments.filter((a) => a.dossierUid === dossierUid),
    dossiers: records.dossiers.filter((d) => d.uid === dossierUid),
    texts: records.texts.filter((t) => t.dossierUid === dossierUid),
  };
}

/** Stores a dérouleur's order of discussion; warns about amendments it names that are not stored. */
async function storeDiscussion(
  db: DatabaseHandle["db"],
  run: RunLog,
  file: string,
  discussion: Parameters<typeof storeDiscussionOrder>[1],
): Promise<void> {
  const result = await storeDiscussionOrder(db, discussion);
  run.counts.changed += result.changed;
  run.counts.unchanged += result.unchanged;
  if (result.missing.length === 0) return;
  await run.report([
    {
      file,
      record: null,
      severity: "warning",
      message: `${result.missing.length} amendements du dérouleur absents de la base (importez d'abord le jeu complet), par exemple ${result.missing.slice(0, 3).join(", ")}`,
    },
  ]);
}

function sourceLabel(location: string): string {
  return /^https?:\/\//i.test(location) ? location : path.basename(location);
}

/** Where a document is: the source alone when it is the document, else the source and the path inside it. */
function sourcePath(label: string, entryName: string): string {
  return entryName === label || /^https?:\/\//i.test(entryName) ? entryName : `${label}/${entryName}`;
}
