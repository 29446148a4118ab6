/**
 * Demonstration data shipped in `demo/`: files written in the exact open-data formats, imported
 * through the ordinary importers.
 */
import path from "node:path";
import type { DatabaseHandle } from "../../db/connection.js";
import { projectRoot } from "../project-root.js";
import { findSourceKind } from "./source-kinds.js";
import { runImport, type ImportSummary } from "./run-import.js";
import { postProcess } from "./post-process.js";
import { dossiersTouchedBy, recordProblems } from "../../db/store/import-runs.js";
import { readdirSync } from "node:fs";

/** Sources of the demo, in import order (names and dossiers first, so amendments find their bill). */
export const DEMO_SOURCES: ReadonlyArray<readonly [string, string]> = [
  ["an-acteurs", "demo/an/acteurs"],
  ["an-dossiers", "demo/an/dossiers"],
  // Texts in the order they were published.
  ["senat-texte", "demo/senat/textes/ppl24-999.akn.xml"],
  ["senat-texte", "demo/senat/textes/ppl24-256.html"],
  ["senat-texte", "demo/senat/textes/tas24-059.html"],
  ["an-texte", "demo/an/textes"],
  ["senat-texte", "demo/senat/textes/tas24-080.html"],
  ["cc-decision", "demo/cc"],
  ["jo-loi", "demo/jo"],
  ["an-amendements", "demo/an/amendements"],
  ["senat-amendements", "demo/senat/amendements"],
  ["senat-derouleur", "demo/senat/enseance"],
];

/** The demo's bills: those its dossier files name. */
function demoDossiers(): string[] {
  return readdirSync(path.join(projectRoot(), "demo", "an", "dossiers"))
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.replace(/\.json$/, ""));
}

/**
 * Imports the demo data; re-running it changes nothing. The bill is analysed, tagged and indexed
 * once, after all its files are in (as a sync does): each step's news is then told once, by the
 * step it belongs to. Its bills are post-processed even when nothing was new, so that a demo
 * load interrupted before that point is completed by the next one.
 */
export async function loadDemo(handle: DatabaseHandle): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  for (const [kindName, folder] of DEMO_SOURCES) {
    const kind = findSourceKind(kindName);
    if (!kind) throw new Error(`source de démonstration inconnue : ${kindName}`);
    const location = path.join(projectRoot(), folder);
    summaries.push(
      await runImport(handle, { kind, location, cacheDir: path.join(projectRoot(), "data", "downloads"), postProcess: false }),
    );
  }
  const runIds = summaries.map((s) => s.runId);
  const lastRun = runIds[runIds.length - 1]!;
  const touched = [...(await dossiersTouchedBy(handle.db, runIds)), ...demoDossiers()];
  const done = await postProcess(handle, touched, {
    runId: lastRun,
    report: (problems) => recordProblems(handle.db, lastRun, problems),
    log: () => {},
  });
  if (!done) throw new Error("démonstration importée, mais son analyse a échoué (voir les erreurs du dernier import)");
  return summaries;
}
