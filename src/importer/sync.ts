/**
 * `navette sync`: for every followed bill, fetch its dossier, then the text of every step it
 * knows and the amendments of every text (sync-plan.ts), import what changed, then analyse, tag
 * and index. Conditional requests and the hash of what was last imported make a sync with
 * nothing new download nothing and write no data. A file that is missing (404) or unreadable is
 * reported for its step, and the rest goes on. One import run per bill, resumable like any other.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { DatabaseHandle } from "../../db/connection.js";
import { finishRun, startRun, type RunCounts } from "../../db/store/import-runs.js";
import { linkSenatAmendmentsOf } from "../../db/store/dossiers.js";
import { isStringRecord, readJsonColumn } from "../../db/store/json-columns.js";
import { importedHash, listFollowed, recordImportedFile, recordSync, type FollowedDossier } from "../../db/store/followed.js";
import { DownloadError, downloadToCache, type DownloadOptions } from "../../ingest/sources/http.js";
import type { SourceAddresses } from "../config.js";
import type { PhaseProgress } from "./post-process.js";
import { finishDossiers, RunLog, storeSource } from "./run-import.js";
import { thisProcess } from "./run-recovery.js";
import { findSourceKind } from "./source-kinds.js";
import { dossierSources, stepSources, type SyncSource } from "./sync-plan.js";

/** Settings of a sync. */
export interface SyncOptions {
  readonly addresses: SourceAddresses;
  readonly cacheDir: string;
  /** Only this followed bill (dossier uid, AN uid or Sénat signet). */
  readonly dossier?: string;
  readonly download?: Omit<DownloadOptions, "cacheDir" | "log">;
  /** Called after each file with its outcome. */
  readonly onFile?: (file: SyncedFile, follow: FollowedDossier) => void;
  readonly onPhase?: PhaseProgress;
  readonly log?: (message: string) => void;
}

/** What became of one file. */
export interface SyncedFile {
  readonly about: string;
  readonly url: string;
  /** "unchanged": same content as last imported (or 304); "missing": 404; "failed": unreadable or unreachable. */
  readonly outcome: "imported" | "unchanged" | "missing" | "failed";
  readonly created: number;
  readonly changed: number;
  readonly message: string | null;
}

/** What a sync of one bill did (kept as JSON on the followed bill, shown on /suivis). */
export interface SyncSummary {
  readonly followId: number;
  readonly address: string;
  readonly dossierUid: string | null;
  readonly status: "ok" | "partial" | "failed";
  readonly runId: number;
  readonly files: SyncedFile[];
  /** Texts of the dossier whose address cannot be told from what is stored. */
  readonly unknownTexts: string[];
  readonly counts: RunCounts;
}

/** Syncs every followed bill (or the one asked for); never throws for a source's failure. */
export async function syncFollowed(handle: DatabaseHandle, options: SyncOptions): Promise<SyncSummary[]> {
  const followed = await listFollowed(handle.db, options.dossier);
  const summaries: SyncSummary[] = [];
  for (const follow of followed) summaries.push(await syncOne(handle, follow, options));
  return summaries;
}

async function syncOne(handle: DatabaseHandle, follow: FollowedDossier, options: SyncOptions): Promise<SyncSummary> {
  const { db } = handle;
  const log = options.log ?? (() => {});
  const run = new RunLog(db, await startRun(db, "sync", follow.address, thisProcess()));
  const files: SyncedFile[] = [];
  const fetch = async (source: SyncSource): Promise<void> => {
    const file = await fetchAndImport(handle, follow, source, run, options);
    files.push(file);
    options.onFile?.(file, follow);
  };
  for (const source of dossierSources(follow, options.addresses)) await fetch(source);
  const dossierUid = await resolveDossier(handle, follow);
  let unknownTexts: string[] = [];
  if (dossierUid) {
    const steps = await db
      .selectFrom("dossier_steps")
      .select(["text_uid", "text_role", "details"])
      .where("dossier_uid", "=", dossierUid)
      .orderBy("position")
      .execute();
    const dossier = await db.selectFrom("dossiers").select(["procedure", "senat_signet"]).where("uid", "=", dossierUid).executeTakeFirst();
    const projet = /projet/i.test(dossier?.procedure ?? "") || /^(pjl|plf)/.test(dossier?.senat_signet ?? follow.key);
    const plan = stepSources(
      dossierUid,
      steps.map((s) => ({
        textUid: s.text_uid,
        textRole: s.text_role,
        details: readJsonColumn(s.details, isStringRecord, "dossier_steps.details"),
      })),
      options.addresses,
      projet ? "projet" : "proposition",
    );
    unknownTexts = plan.unknown;
    for (const source of plan.sources) await fetch(source);
  }
  // Sénat amendments imported after their dossier are linked to it now; a bill that got anything new is analysed again.
  const linked = dossierUid ? await linkSenatAmendmentsOf(db, dossierUid) : 0;
  const changed = dossierUid && (linked > 0 || files.some((f) => f.outcome === "imported")) ? [dossierUid] : [];
  await finishDossiers(handle, run, options, log, changed);
  const status = !dossierUid ? "failed" : files.some((f) => f.outcome === "failed") ? "partial" : "ok";
  const message = dossierUid ? null : "dossier introuvable : sa page ou son dossier open data n'a pas pu être importé";
  await finishRun(db, run.runId, status, run.counts, message);
  const summary: SyncSummary = {
    followId: follow.id,
    address: follow.address,
    dossierUid,
    status,
    runId: run.runId,
    files,
    unknownTexts,
    counts: run.counts,
  };
  await recordSync(db, follow.id, { dossierUid, status, summary: JSON.stringify(summary) });
  return summary;
}

/** Downloads one file (conditionally) and imports it unless its content is the one last imported. */
async function fetchAndImport(
  handle: DatabaseHandle,
  follow: FollowedDossier,
  source: SyncSource,
  run: RunLog,
  options: SyncOptions,
): Promise<SyncedFile> {
  const outcome = (value: SyncedFile["outcome"], message: string | null = null, created = 0, changed = 0): SyncedFile => ({
    about: source.about,
    url: source.url,
    outcome: value,
    created,
    changed,
    message,
  });
  const kind = findSourceKind(source.kind);
  if (!kind) return outcome("failed", `source inconnue ${source.kind}`);
  let file: string;
  try {
    file = (
      await downloadToCache(source.url, { ...options.download, cacheDir: options.cacheDir, ...(options.log ? { log: options.log } : {}) })
    ).file;
  } catch (error) {
    if (!(error instanceof DownloadError)) throw error;
    const missing = /répondu 404\b/.test(error.message);
    await run.report([
      {
        file: source.url,
        record: source.about,
        severity: missing ? "warning" : "error",
        message: missing ? "absent (404)" : error.message,
      },
    ]);
    return outcome(missing ? "missing" : "failed", missing ? "absent (404)" : error.message);
  }
  const hash = await fileHash(file);
  if (hash === (await importedHash(handle.db, follow.id, source.url))) return outcome("unchanged");
  const before = { ...run.counts };
  try {
    await storeSource(
      handle,
      {
        kind,
        location: source.url,
        localCopy: file,
        cacheDir: options.cacheDir,
        ...(source.onlyDossier ? { onlyDossier: source.onlyDossier } : {}),
      },
      run,
      options.log ?? (() => {}),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await run.report([{ file: source.url, record: source.about, severity: "error", message }]);
    return outcome("failed", message);
  }
  await recordImportedFile(handle.db, follow.id, source.url, hash);
  const failed = run.counts.failed - before.failed;
  return outcome(
    failed > 0 ? "failed" : "imported",
    failed > 0 ? `${failed} enregistrement(s) en erreur` : null,
    run.counts.created - before.created,
    run.counts.changed - before.changed,
  );
}

/** The dossier a followed bill resolved to: the AN uid, or the dossier the Sénat signet's records are merged into. */
async function resolveDossier(handle: DatabaseHandle, follow: FollowedDossier): Promise<string | null> {
  const { db } = handle;
  const candidates =
    follow.source === "an"
      ? [follow.key]
      : (await db.selectFrom("dossier_sources").select("source_uid").where("merge_key", "=", follow.key).execute()).map(
          (r) => r.source_uid,
        );
  if (candidates.length === 0) return null;
  const found = await db.selectFrom("dossiers").select("uid").where("uid", "in", candidates).execute();
  // The AN record wins the merge (its uid names the dossier) when both chambers' records are there.
  return found.map((r) => r.uid).sort((a, b) => Number(b.startsWith("DLR")) - Number(a.startsWith("DLR")))[0] ?? null;
}

function fileHash(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}
