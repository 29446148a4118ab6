/**
 * The phases after storage: the navette analysis, the tagging and the search index of every
 * dossier a run touched. Each dossier's phase is one transaction and can be run again: a run
 * interrupted anywhere in these phases is finished by the next one (run-recovery.ts).
 */
import type { DatabaseHandle } from "../../db/connection.js";
import { recordHeartbeat, type ImportProblem } from "../../db/store/import-runs.js";
import { analyseDossier, analysableDossiers } from "./analyse.js";
import { tagDossier } from "./tagging.js";
import { indexDossierForSearch } from "./search-index.js";
import { loadRules } from "./rules.js";

/** The phases after storage, in order. */
export type PostPhase = "analyse" | "marquage" | "indexation";

/** Where post-processing stands: `done` of `total` dossiers of `phase`. */
export type PhaseProgress = (phase: PostPhase, done: number, total: number) => void;

/** How post-processing reports. */
export interface PostProcessReporting {
  readonly runId: number;
  readonly report: (problems: ImportProblem[]) => Promise<void>;
  readonly log: (message: string) => void;
  readonly onPhase?: PhaseProgress;
}

/**
 * Analyses, tags and indexes the dossiers (null: the amendments attached to no dossier).
 * Returns false when a phase could not run (its error is reported), so the work is not taken as done.
 */
export async function postProcess(
  handle: DatabaseHandle,
  touched: ReadonlyArray<string | null>,
  reporting: PostProcessReporting,
): Promise<boolean> {
  const dossiers = [...new Set(touched.map((uid) => uid ?? ""))].sort();
  if (dossiers.length === 0) return true;
  await analysePhase(handle, dossiers, reporting);
  let rules;
  try {
    rules = loadRules();
  } catch (error) {
    await reporting.report([{ file: "règles de marquage", record: null, severity: "error", message: (error as Error).message }]);
    return false;
  }
  await eachDossier(handle, "marquage", dossiers, reporting, (uid) => tagDossier(handle.db, uid, rules, reporting.runId));
  await eachDossier(handle, "indexation", dossiers, reporting, (uid) => indexDossierForSearch(handle, uid));
  return true;
}

async function analysePhase(handle: DatabaseHandle, dossiers: readonly string[], reporting: PostProcessReporting): Promise<void> {
  const analysable = new Set(await analysableDossiers(handle.db));
  const analysed = dossiers.filter((uid) => analysable.has(uid));
  await eachDossier(handle, "analyse", analysed, reporting, async (uid) => {
    const analysis = await analyseDossier(handle.db, uid, reporting.runId);
    reporting.log(`navette ${uid} : ${analysis.provisions} articles suivis, ${analysis.changedStates} états nouveaux ou modifiés`);
    if (analysis.warnings.length === 0) return;
    await reporting.report(
      analysis.warnings.map((w) => ({
        file: `dossier ${uid}`,
        record: `${w.stepKey}${w.article ? ` article ${w.article}` : ""}`,
        severity: "warning" as const,
        message: w.message,
      })),
    );
  });
}

async function eachDossier(
  handle: DatabaseHandle,
  phase: PostPhase,
  dossiers: readonly string[],
  reporting: PostProcessReporting,
  work: (uid: string) => Promise<unknown>,
): Promise<void> {
  if (dossiers.length === 0) return;
  reporting.log(`${phase} de ${dossiers.length} dossier${dossiers.length > 1 ? "s" : ""}`);
  for (const [i, uid] of dossiers.entries()) {
    reporting.onPhase?.(phase, i, dossiers.length);
    await work(uid);
    await recordHeartbeat(handle.db, reporting.runId);
  }
  reporting.onPhase?.(phase, dossiers.length, dossiers.length);
}
