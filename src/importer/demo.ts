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
  ["senat-texte", "demo/senat/textes/ppl24-999.akn.xml"],
  ["an-texte", "demo/an/textes/PIONANR5L17BTC9943.html"],
  ["an-amendements", "demo/an/amendements"],
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
