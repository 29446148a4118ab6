/**
 * Demonstration data shipped in `demo/`: files written in the exact open-data formats, imported
 * through the ordinary importers.
 */
import path from "node:path";
import type { DatabaseHandle } from "../../db/connection.js";
import { projectRoot } from "../project-root.js";
import { findSourceKind } from "./source-kinds.js";
import { runImport, type ImportSummary } from "./run-import.js";

/** Sources of the demo, in import order (names and dossiers first, so amendments find their bill). */
export const DEMO_SOURCES: ReadonlyArray<readonly [string, string]> = [
  ["an-acteurs", "demo/an/acteurs"],
  ["an-dossiers", "demo/an/dossiers"],
  // Texts in the order they were published, as a follower receives them: each import is analysed.
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

/** Imports the demo data; re-running it changes nothing. */
export async function loadDemo(handle: DatabaseHandle): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  for (const [kindName, folder] of DEMO_SOURCES) {
    const kind = findSourceKind(kindName);
    if (!kind) throw new Error(`source de démonstration inconnue : ${kindName}`);
    const location = path.join(projectRoot(), folder);
    summaries.push(await runImport(handle, { kind, location, cacheDir: path.join(projectRoot(), "data", "downloads") }));
  }
  return summaries;
}
