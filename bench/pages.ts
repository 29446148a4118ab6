/**
 * Pages at legislature scale (#19). A SQLite database is built through the real importers: a bill
 * of 120 articles followed over 3 texts with 2,000 amendments, plus the synthetic legislature
 * (bench/corpus.ts: 60 dossiers, 300 texts) up to the requested number of amendments, then
 * analysed, tagged and indexed. The server runs in this process.
 *
 *   pages.js <amendments> load      autocannon, 20 connections, on the static asset (the
 *                                   baseline), home, bill, article, search and feed pages
 *   pages.js <amendments> latency   time to render home and bill page when the data version has
 *                                   just changed (no rendered page can be reused), median of 30
 *   pages.js <amendments> [both]    the two
 *
 * Prints one JSON line per measure.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { writeCorpusZip } from "./corpus.js";
import { bumpDataVersion } from "../db/store/data-version.js";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { findSourceKind } from "../src/importer/source-kinds.js";
import { runImport } from "../src/importer/run-import.js";
import { anAmendmentJson, anDossierJson, type AmendmentSpec } from "../scripts/an-format.js";
import { renderAnDynHtml, type BillItem, type BillSpec } from "../scripts/text-formats.js";
import { tempDir } from "./temp.js";
import { startBenchServer } from "./server.js";

const ARTICLES = 120;
const AMENDMENTS = 2000;
const DOSSIER = "DLR5L17N70000";
const TEXTS = ["PIONANR5L17B7001", "PIONANR5L17BTC7002", "PIONANR5L17BTA0700"];

function bill(version: number): BillSpec {
  const items: BillItem[] = [];
  for (let i = 1; i <= ARTICLES; i++) {
    if (i % 20 === 1) items.push({ division: "chapitre", number: String(1 + Math.floor(i / 20)), heading: `Chapitre ${i}` });
    if (version > 0 && i % 17 === 0) {
      items.push({ article: `Article ${i}`, markerLine: "(Supprimé)", alineas: [] });
      continue;
    }
    const alineas = Array.from(
      { length: 4 + (i % 5) },
      (_, k) =>
        `${k + 1}° Le code de la sécurité intérieure est ainsi modifié à l'article L. ${800 + i}-${k} : les mots « ${version > 0 && k === 1 ? "autorisation du juge" : "autorisation préalable"} » sont remplacés (alinéa ${k + 1} de l'article ${i}).`,
    );
    items.push({ article: `Article ${i}`, alineas });
  }
  return {
    title: "Loi de démonstration pour les mesures",
    nature: "ppl",
    number: 7001 + version,
    legislature: 17,
    session: 2024,
    role: version === 1 ? "commission" : version === 2 ? "adopte" : "depose",
    items,
  };
}

/** The 60 dossiers of the synthetic legislature (bench/corpus.ts), each with its first text deposited. */
function writeCorpusDossiers(dir: string): string {
  const folder = path.join(dir, "dossiers");
  mkdirSync(folder, { recursive: true });
  for (let d = 0; d < 60; d++) {
    const uid = `DLR5L17N${60000 + d}`;
    const document = anDossierJson({
      uid,
      legislature: "17",
      title: `Projet de loi de la législature synthétique n° ${d + 1}`,
      slug: `synthetique-${d + 1}`,
      procedure: "Projet de loi ordinaire",
      acts: [{ code: "AN1", children: [{ code: "AN1-DEPOT", date: `2025-0${1 + (d % 9)}-01`, texteAssocie: `PIONANR5L17B${1000 + d}` }] }],
    });
    writeFileSync(path.join(folder, `${uid}.json`), JSON.stringify(document));
  }
  return folder;
}

/** Imports the bench bill and the synthetic legislature into a fresh SQLite file; returns its path. */
export async function prepareBenchDatabase(amendments = AMENDMENTS): Promise<string> {
  const dir = tempDir();
  const db = path.join(dir, "pages.sqlite");
  const handle = openDatabase(db);
  await migrateToLatest(handle);
  const dossierFile = path.join(dir, "dossier.json");
  writeFileSync(
    dossierFile,
    JSON.stringify(
      anDossierJson({
        uid: DOSSIER,
        legislature: "17",
        title: "Loi de démonstration pour les mesures",
        slug: "mesures",
        procedure: "Proposition de loi ordinaire",
        acts: [
          {
            code: "AN1",
            children: [
              { code: "AN1-DEPOT", date: "2025-01-01", texteAssocie: TEXTS[0] },
              {
                code: "AN1-COM",
                children: [
                  { code: "AN1-COM-FOND", children: [{ code: "AN1-COM-FOND-RAPPORT", date: "2025-02-01", texteAdopte: TEXTS[1] }] },
                ],
              },
              {
                code: "AN1-DEBATS",
                children: [
                  { code: "AN1-DEBATS-DEC", date: "2025-03-01", conclusion: { code: "TSORTF01", label: "adopté" }, adoptedText: TEXTS[2] },
                ],
              },
            ],
          },
        ],
      }),
    ),
  );
  const run = (kind: string, location: string) => runImport(handle, { kind: findSourceKind(kind)!, location, cacheDir: dir });
  await run("an-dossiers", dossierFile);
  for (const [i, uid] of TEXTS.entries()) {
    const file = path.join(dir, `${uid}.html`);
    writeFileSync(file, renderAnDynHtml(bill(i)));
    await run("an-texte", file);
  }
  const amendmentsDir = path.join(dir, "json", DOSSIER);
  for (let i = 0; i < AMENDMENTS; i++) {
    const text = i % 2 === 0 ? TEXTS[0]! : TEXTS[1]!;
    const article = 1 + (i % ARTICLES);
    const spec: AmendmentSpec = {
      organ: i % 2 === 0 ? "PO59051" : "PO838901",
      text,
      number: i + 1,
      prefix: i % 2 === 0 ? "CL" : "",
      prefixCode: i % 2 === 0 ? "CION_LOIS" : "AN",
      author: { type: "Député", ref: `PA${i % 500}`, group: "PO845413", label: `M.&#160;Député${i % 500}` },
      division: { title: `Article ${article}`, short: `ART. ${article}` },
      dispositif: `<p>À l'alinéa 2 de l'article ${article}, supprimer les mots : « autorisation préalable ».</p>`,
      expose: "<p>Le contrôle du juge protège les libertés.</p>",
      state: { code: "DI", label: "Discuté" },
      subState: { code: "DI", label: i % 4 === 0 ? "Adopté" : "Rejeté" },
      sort: i % 4 === 0 ? "Adopté" : "Rejeté",
      depositedAt: "2025-01-15",
    };
    const document = anAmendmentJson(spec);
    const folder = path.join(amendmentsDir, text);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${document.amendement["uid"] as string}.json`), JSON.stringify(document));
  }
  await run("an-amendements", path.join(dir, "json"));
  if (amendments > AMENDMENTS) {
    await run("an-dossiers", writeCorpusDossiers(dir));
    const zip = path.join(dir, "Amendements.json.zip");
    await writeCorpusZip(zip, amendments - AMENDMENTS);
    await run("an-amendements", zip);
  }
  await handle.close();
  return db;
}

const CONNECTIONS = 20;

/** The pages measured, with the static asset first (the baseline). */
function targets(): Array<[string, string]> {
  return [
    ["static", "/assets/navette.css"],
    ["home", "/"],
    ["bill", `/dossiers/${DOSSIER}`],
    ["article", `/dossiers/${DOSSIER}/articles/${encodeURIComponent(`34@AN1-DEPOT#1`)}`],
    ["search", "/recherche?q=autorisation%20juge"],
    ["feed", `/flux/dossiers/${DOSSIER}.atom`],
  ];
}

async function load(url: string): Promise<void> {
  for (const [name, target] of targets()) {
    // As browsers and feed readers ask: compressed when the server can.
    const result = await autocannon({
      url: `${url}${target}`,
      connections: CONNECTIONS,
      duration: 8,
      headers: { "accept-encoding": "gzip" },
    });
    console.log(
      JSON.stringify({
        measure: "load",
        name,
        target,
        requestsPerSecond: result.requests.average,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
      }),
    );
  }
}

/** Median time to render a page right after the data version changed (nothing rendered can be reused). */
async function latency(url: string, handle: ReturnType<typeof openDatabase>): Promise<void> {
  for (const [name, target] of targets().filter(([n]) => n === "home" || n === "bill")) {
    const times: number[] = [];
    for (let i = 0; i < 31; i++) {
      await bumpDataVersion(handle.db);
      const start = performance.now();
      const response = await fetch(`${url}${target}`);
      await response.text();
      if (response.status !== 200) throw new Error(`${target} : ${response.status}`);
      if (i > 0) times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(JSON.stringify({ measure: "latency", name, target, medianMs: times[Math.floor(times.length / 2)] }));
  }
}

async function main(): Promise<void> {
  const amendments = Number(process.argv[2] ?? 150_000);
  const mode = process.argv[3] ?? "both";
  const built = performance.now();
  const db = await prepareBenchDatabase(amendments);
  const handle = openDatabase(db);
  const count = await handle.db
    .selectFrom("amendments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const dossiers = await handle.db
    .selectFrom("dossiers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  console.log(
    JSON.stringify({ measure: "database", amendments: Number(count.n), dossiers: Number(dossiers.n), buildMs: performance.now() - built }),
  );
  const server = await startBenchServer(handle);
  if (mode !== "load") await latency(server.url, handle);
  if (mode !== "latency") await load(server.url);
  await server.stop();
  await handle.close();
  rmSync(path.dirname(db), { recursive: true, force: true });
}

void main();
