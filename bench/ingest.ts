/**
 * One phase of the ingest benchmark, run in its own process so that its peak memory is its own:
 *   generate <zip> <n>     write the corpus
 *   parse <zip>            read and map every document, store nothing (the baseline)
 *   extract <zip> <folder> write the zip's documents as files of a folder (the dump unzipped)
 *   import <zip|folder> <db> ingest into a SQLite file (storage, events), without post-processing
 *   post <db>              navette analysis, tagging and search index of every dossier
 *   retag <db>             what `navette marquer` does after a rules change (every dossier
 *                          tagged again), against reading the amendments' texts (the baseline)
 * Prints one JSON line: documents, records, milliseconds, peak RSS in MB.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { openLocalSource } from "../ingest/sources/entries.js";
import { SourceError } from "../ingest/document.js";
import { findSourceKind } from "../src/importer/source-kinds.js";
import { runImport } from "../src/importer/run-import.js";
import { tagDossier, taggableDossiers } from "../src/importer/tagging.js";
import { indexDossierForSearch } from "../src/importer/search-index.js";
import { loadRules } from "../src/importer/rules.js";
import { writeCorpusZip } from "./corpus.js";
import { tempDir } from "./temp.js";

const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

async function main(): Promise<void> {
  const [phase, a, b] = process.argv.slice(2);
  const kind = findSourceKind("an-amendements")!;
  const start = performance.now();
  if (phase === "generate" && a && b) {
    await writeCorpusZip(a, Number(b));
    console.log(JSON.stringify({ phase, ms: performance.now() - start, peakMb: peakMb() }));
    return;
  }
  if (phase === "extract" && a && b) {
    const source = await openLocalSource(a);
    let documents = 0;
    for await (const entry of source.entries) {
      if (entry instanceof SourceError) continue;
      const file = path.join(b, entry.name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, await entry.read());
      documents++;
    }
    console.log(JSON.stringify({ phase, documents, ms: performance.now() - start, peakMb: peakMb() }));
    return;
  }
  if (phase === "parse" && a) {
    const source = await openLocalSource(a);
    let documents = 0;
    let records = 0;
    for await (const entry of source.entries) {
      if (entry instanceof SourceError) continue;
      documents++;
      records += kind.parse(entry.name, await entry.read())?.amendments.length ?? 0;
    }
    console.log(JSON.stringify({ phase, documents, records, ms: performance.now() - start, peakMb: peakMb() }));
    return;
  }
  if (phase === "import" && a && b) {
    const handle = openDatabase(b);
    await migrateToLatest(handle);
    const summary = await runImport(handle, { kind, location: a, cacheDir: tempDir(), postProcess: false });
    await handle.close();
    console.log(
      JSON.stringify({
        phase,
        documents: summary.documents,
        records: summary.counts.created + summary.counts.changed + summary.counts.unchanged,
        counts: summary.counts,
        ms: performance.now() - start,
        peakMb: peakMb(),
      }),
    );
    return;
  }
  if (phase === "post" && a) {
    const handle = openDatabase(a);
    const rules = loadRules();
    const dossiers = await taggableDossiers(handle.db);
    for (const uid of dossiers) {
      await tagDossier(handle.db, uid, rules);
      await indexDossierForSearch(handle, uid);
    }
    await handle.close();
    console.log(JSON.stringify({ phase, dossiers: dossiers.length, ms: performance.now() - start, peakMb: peakMb() }));
    return;
  }
  if (phase === "retag" && a) {
    console.log(JSON.stringify({ phase, ...(await retag(a)), peakMb: peakMb() }));
    return;
  }
  console.error("usage: ingest generate <zip> <n> | parse <zip> | import <zip> <db> | post <db> | retag <db>");
  process.exitCode = 1;
}

/** Re-tags every dossier of the database; the baseline reads every amendment's texts once. */
async function retag(file: string): Promise<{ amendments: number; readMs: number; ms: number; tags: number }> {
  const handle = openDatabase(file);
  const rules = loadRules();
  let start = performance.now();
  const amendments = (await handle.db.selectFrom("amendments").select(["uid", "dispositif_text", "expose_text"]).execute()).length;
  const readMs = performance.now() - start;
  start = performance.now();
  let tags = 0;
  for (const uid of await taggableDossiers(handle.db)) tags += (await tagDossier(handle.db, uid, rules)).tags;
  const ms = performance.now() - start;
  await handle.close();
  return { amendments, readMs, ms, tags };
}

void main();
