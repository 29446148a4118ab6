/**
 * One import run: open the source (download it first when it is a URL), map every document,
 * store the records in batches (each batch one transaction, with its events), record every
 * problem, and report counts. A bad document or record never stops the run.
 */
import path from "node:path";
import type { DatabaseHandle } from "../../db/connection.js";
import { storeAmendments, storeDiscussionOrder } from "../../db/store/amendments.js";
import { storeDossierSources, storeTexts } from "../../db/store/dossiers.js";
import { resolveTextUid, storeTextContent } from "../../db/store/text-content.js";
import { emptyRunCounts, finishRun, recordProblems, startRun, type ImportProblem, type RunCounts } from "../../db/store/import-runs.js";
import type { StoreCounts } from "../../db/store/common.js";
import { SourceError } from "../../ingest/document.js";
import { openLocalSource } from "../../ingest/sources/entries.js";
import { analyseDossier, analysableDossiers } from "./analyse.js";
import { tagDossier } from "./tagging.js";
import { indexDossierForSearch } from "./search-index.js";
import { loadRules } from "./rules.js";
import { downloadToCache, type DownloadOptions } from "../../ingest/sources/http.js";
import type { AmendmentRecord } from "../domain/amendment.js";
import type { DossierRecord, TextRecord } from "../domain/dossier.js";
import type { SourceKind } from "./source-kinds.js";

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
}

const MAX_PROBLEMS_KEPT = 1000;

/** Runs one import. Never throws for bad input: failures are in the summary and in `import_errors`. */
export async function runImport(handle: DatabaseHandle, options: ImportOptions): Promise<ImportSummary> {
  const { db } = handle;
  const log = options.log ?? (() => {});
  const runId = await startRun(db, options.kind.name, options.location);
  const counts = emptyRunCounts();
  const problems: ImportProblem[] = [];
  let documents = 0;
  const report = async (batch: ImportProblem[]): Promise<void> => {
    for (const p of batch) {
      if (p.severity === "error") counts.failed++;
      else counts.warnings++;
      if (problems.length < MAX_PROBLEMS_KEPT) problems.push(p);
    }
    await recordProblems(db, runId, batch);
  };

  const context = { runId, sourceFile: sourceLabel(options.location) };
  const pending = {
    amendments: [] as AmendmentRecord[],
    dossiers: [] as Array<{ record: DossierRecord; source: "an" | "senat" }>,
    texts: [] as TextRecord[],
  };
  const add = (c: StoreCounts): void => {
    counts.created += c.created;
    counts.changed += c.changed;
    counts.unchanged += c.unchanged;
  };
  const flush = async (): Promise<void> => {
    if (pending.amendments.length) add(await storeAmendments(db, pending.amendments, context));
    for (const source of ["an", "senat"] as const) {
      const records = pending.dossiers.filter((d) => d.source === source).map((d) => d.record);
      if (records.length) add(await storeDossierSources(db, records, source, context));
    }
    if (pending.texts.length) await storeTexts(db, pending.texts, context);
    pending.amendments = [];
    pending.dossiers = [];
    pending.texts = [];
  };

  let status: ImportSummary["status"] = "ok";
  let message: string | null = null;
  let notModified = false;
  try {
    let localPath = options.location;
    if (/^https?:\/\//i.test(options.location)) {
      log(`téléchargement de ${options.location}`);
      const download = await downloadToCache(options.location, { ...options.download, cacheDir: options.cacheDir, log });
      localPath = download.file;
      notModified = download.notModified;
    }
    const source = await openLocalSource(localPath, localPath === options.location ? undefined : options.location);
    const batchSize = options.batchSize ?? 500;
    for await (const entry of source.entries) {
      if (entry instanceof SourceError) {
        await report([{ file: entry.file, record: entry.record, severity: "error", message: entry.message }]);
        continue;
      }
      documents++;
      try {
        const records = options.kind.parse(entry.name, await entry.read());
        if (records === null) {
          counts.skipped++;
          options.onProgress?.(documents, source.total);
          continue;
        }
        pending.amendments.push(...records.amendments);
        pending.dossiers.push(...records.dossiers.map((record) => ({ record, source: records.dossierSource ?? ("an" as const) })));
        pending.texts.push(...records.texts);
        if (records.discussion?.length) {
          await flush();
          const result = await storeDiscussionOrder(db, records.discussion);
          counts.changed += result.changed;
          counts.unchanged += result.unchanged;
          if (result.missing.length) {
            await report([
              {
                file: entry.name,
                record: null,
                severity: "warning",
                message: `${result.missing.length} amendements du dérouleur absents de la base (importez d'abord le jeu complet), par exemple ${result.missing.slice(0, 3).join(", ")}`,
              },
            ]);
          }
        }
        for (const version of records.textVersions ?? []) {
          const uid = await resolveTextUid(db, version.identity, options.textUid ?? null);
          if (!uid) {
            await report([
              {
                file: entry.name,
                record: null,
                severity: "error",
                message: "impossible de savoir de quel texte il s'agit : précisez --texte <uid>",
              },
            ]);
            continue;
          }
          const outcome = await storeTextContent(db, uid, version.identity, version.parsed, context);
          counts[outcome]++;
          log(
            `texte ${uid} : ${version.parsed.articles.length} articles, ${version.parsed.divisions.length} divisions, ${version.parsed.annexes.length} annexes (${outcome === "unchanged" ? "inchangé" : outcome === "created" ? "nouveau" : "modifié"})`,
          );
        }
        if (records.problems.length) {
          await report(records.problems.map((p) => ({ file: entry.name, record: p.record, severity: p.severity, message: p.message })));
        }
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        await report([{ file: error.file || entry.name, record: error.record, severity: "error", message: error.message }]);
      }
      if (pending.amendments.length >= batchSize || pending.dossiers.length >= 50) await flush();
      options.onProgress?.(documents, source.total);
    }
    await flush();
    if (counts.failed > 0) status = "partial";
  } catch (error) {
    status = "failed";
    message = error instanceof Error ? error.message : String(error);
    const file = error instanceof SourceError ? error.file : options.location;
    await report([{ file, record: error instanceof SourceError ? error.record : null, severity: "error", message }]).catch(() => {});
  }
  if (status !== "failed" && options.postProcess !== false) {
    // Re-analyse the dossiers this run touched (their events name them) that have imported texts.
    const touched = await db
      .selectFrom("events")
      .select("dossier_uid")
      .where("run_id", "=", runId)
      .where("dossier_uid", "is not", null)
      .distinct()
      .execute();
    const analysable = new Set(await analysableDossiers(db));
    for (const { dossier_uid } of touched) {
      if (!dossier_uid || !analysable.has(dossier_uid)) continue;
      const analysis = await analyseDossier(db, dossier_uid, runId);
      log(`navette ${dossier_uid} : ${analysis.provisions} articles suivis, ${analysis.changedStates} états nouveaux ou modifiés`);
      if (analysis.warnings.length) {
        await report(
          analysis.warnings.map((w) => ({
            file: `dossier ${dossier_uid}`,
            record: `${w.stepKey}${w.article ? ` article ${w.article}` : ""}`,
            severity: "warning" as const,
            message: w.message,
          })),
        );
      }
    }
  }
  if (status !== "failed" && options.postProcess !== false) {
    // Tag what changed: the touched dossiers, and amendments attached to no dossier ("").
    const touched = await db.selectFrom("events").select("dossier_uid").where("run_id", "=", runId).distinct().execute();
    if (touched.length > 0) {
      try {
        const rules = loadRules();
        for (const { dossier_uid } of touched) await tagDossier(db, dossier_uid ?? "", rules, runId);
        for (const { dossier_uid } of touched) await indexDossierForSearch(handle, dossier_uid ?? "");
      } catch (error) {
        await report([{ file: "règles de marquage", record: null, severity: "error", message: (error as Error).message }]);
      }
    }
  }
  await finishRun(db, runId, status, counts, message);
  return { runId, status, counts, problems, documents, notModified, message };
}

function sourceLabel(location: string): string {
  return /^https?:\/\//i.test(location) ? location : path.basename(location);
}
