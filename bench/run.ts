/**
 * `npm run bench`: performance figures, each reported as a ratio to a baseline measured in the
 * same run on the same machine (absolute times vary from machine to machine; ratios much less).
 *
 * 1. Navette engine on the largest peer test case (pjl12-689, 16 steps): alignment, statuses,
 *    completion and every diff, against simply loading the texts.
 * 2. Similarity and diff of two 10,000-character articles (the peer takes 11 s on one such pair
 *    with its edit distance): per pair, against reading the two texts' words once.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tempDir } from "./temp.js";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { followProvisions } from "../src/domain/navette/engine.js";
import { diffArticles } from "../src/domain/navette/diff.js";
import { textSimilarity, words } from "../src/domain/navette/similarity.js";
import { pairRenumberedArticles } from "../src/domain/navette/renumbering.js";
import { LAWFACTORY_CASES, lawfactorySteps } from "./lawfactory.js";
import { projectRoot } from "../src/project-root.js";
import { loadRules } from "../src/importer/rules.js";
import { tagText } from "../src/domain/tagging/tagger.js";
import { foldKeepingOffsets } from "../src/domain/tagging/fold.js";
import { amendmentParagraphs } from "../src/domain/tagging/tagger.js";
import { mapAmendment } from "../ingest/an/amendement.js";
import type { RawObject } from "../ingest/document.js";

/** Median time of `run` in milliseconds over `rounds` rounds, after one warm-up. */
function measure(rounds: number, run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const format = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

function benchEngine(): string[] {
  const testCase = "pjl12-689";
  const dir = path.join(LAWFACTORY_CASES, testCase, "procedure");
  if (!existsSync(dir)) return [`navette : ../shared/fixtures/lawfactory absent, mesure ignorée`];
  const files = readdirSync(dir)
    .sort()
    .map((name) => path.join(dir, name, "texte", "texte.json"));
  const load = measure(20, () => files.map((file) => JSON.parse(readFileSync(file, "utf8")) as unknown));
  const loadSteps = measure(20, () => lawfactorySteps(testCase));
  const steps = lawfactorySteps(testCase);
  let states = 0;
  const engine = measure(20, () => {
    const result = followProvisions(steps);
    states = 0;
    for (const provision of result.provisions) {
      for (let i = 1; i < provision.states.length; i++) {
        diffArticles(provision.states[i - 1]!.alineas, provision.states[i]!.alineas);
        states++;
      }
    }
  });
  const renumbered = lawfactorySteps(testCase, { renumberFinal: true });
  const withRenumbering = measure(20, () => followProvisions(renumbered));
  const articles = steps.reduce((n, s) => n + (s.articles?.length ?? 0), 0);
  return [
    `navette, ${testCase} (${steps.length} étapes, ${articles} versions d'articles, ${states} diffs) :`,
    `  lecture des textes (JSON)              ${format(load)}  (référence)`,
    `  lecture + conversion en versions       ${format(loadSteps)}  (${(loadSteps / load).toFixed(2)} × la référence)`,
    `  alignement + statuts + tous les diffs  ${format(engine)}  (${(engine / load).toFixed(2)} × la référence)`,
    `  dont renumérotation finale (appariement) ${format(withRenumbering)} pour le moteur seul`,
  ];
}

function longArticle(seed: number, length: number): string {
  const vocabulary = [
    "le",
    "code",
    "de",
    "la",
    "sécurité",
    "intérieure",
    "article",
    "L.",
    "851-3",
    "est",
    "ainsi",
    "modifié",
    "au",
    "premier",
    "alinéa",
    "les",
    "mots",
    "sont",
    "remplacés",
    "par",
    "services",
    "renseignement",
    "données",
    "connexion",
    "traitement",
    "automatisé",
    "opérateurs",
    "communications",
    "électroniques",
    "autorisation",
  ];
  let state = seed;
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const word = vocabulary[state % vocabulary.length] as string;
    out.push(word);
    size += word.length + 1;
  }
  return out.join(" ").slice(0, length);
}

function benchSimilarity(): string[] {
  const a = longArticle(1, 10_000);
  // The second version: same text with one word in twenty replaced.
  const b = a
    .split(" ")
    .map((w, i) => (i % 20 === 0 ? "modifié" : w))
    .join(" ");
  const baseline = measure(200, () => {
    words(a);
    words(b);
  });
  const similarity = measure(200, () => textSimilarity(a, b));
  const diff = measure(20, () => diffArticles([{ number: 1, text: a }], [{ number: 1, text: b }]));
  const many = Array.from({ length: 120 }, (_, i) => ({ number: String(i + 1), text: longArticle(i + 7, 1500) }));
  const pairing = measure(5, () =>
    pairRenumberedArticles(
      many,
      many.map((x, i) => ({ ...x, number: String(i + 2) })),
    ),
  );
  return [
    `similarité de deux articles de 10 000 caractères : ${format(similarity)} (${(similarity / baseline).toFixed(2)} × la lecture de leurs mots, ${format(baseline)})`,
    `diff mot à mot des mêmes articles : ${format(diff)} (${(diff / baseline).toFixed(1)} × la lecture de leurs mots)`,
    `appariement d'une loi renumérotée de 120 articles de 1 500 caractères : ${format(pairing)}`,
  ];
}

function benchTagging(): string[] {
  const testCase = "pjl12-689";
  if (!existsSync(path.join(LAWFACTORY_CASES, testCase))) return ["marquage : ../shared/fixtures/lawfactory absent, mesure ignorée"];
  const rules = loadRules();
  const versions = lawfactorySteps(testCase).flatMap((s) => s.articles ?? []);
  const characters = versions.reduce((n, v) => n + v.alineas.reduce((m, a) => m + a.text.length, 0), 0);
  const baseline = measure(10, () => versions.forEach((v) => v.alineas.forEach((a) => foldKeepingOffsets(a.text))));
  const tagging = measure(10, () => versions.forEach((v) => tagText(v.alineas, rules)));
  const perMillion = (tagging / characters) * 1_000_000;
  return [
    `marquage (${rules.themes.length} thèmes) de ${versions.length} versions d'articles (${(characters / 1e6).toFixed(2)} M caractères) : ${format(tagging)} (${(tagging / baseline).toFixed(1)} × leur simple normalisation, ${format(baseline)})`,
    `  soit ${format(perMillion)} par million de caractères : une législature (~150 000 amendements de 2 000 caractères) se remarque en ~${((perMillion * 300) / 1000).toFixed(0)} s de calcul`,
  ];
}

/** Runs one phase of bench/ingest.js or bench/pages.js in a child process; returns its JSON lines. */
function child(script: string, args: string[]): Array<Record<string, unknown>> {
  const result = spawnSync(process.execPath, [path.join(import.meta.dirname, script), ...args], {
    encoding: "utf8",
    maxBuffer: 10 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${script} ${args.join(" ")} : ${result.stderr}`);
  return result.stdout
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function benchIngest(): string[] {
  const n = Number(process.env["NAVETTE_BENCH_AMENDMENTS"] ?? 150_000);
  const dir = tempDir();
  const zip = path.join(dir, "Amendements.json.zip");
  const db = path.join(dir, "bench.sqlite");
  child("ingest.js", ["generate", zip, String(n)]);
  const size = statSync(zip).size;
  // Reading alone and importing alternate, each import into a new database. The ratio is that of
  // each side's fastest run (the one the machine disturbed least: on a shared machine two identical
  // runs can differ by a third); each pair's ratio is printed too.
  const rounds = Math.max(1, Number(process.env["NAVETTE_BENCH_ROUNDS"] ?? 3));
  const parses: Array<Record<string, unknown>> = [];
  const imports: Array<Record<string, unknown>> = [];
  for (let round = 0; round < rounds; round++) {
    for (const file of [db, `${db}-wal`, `${db}-shm`]) rmSync(file, { force: true });
    parses.push(...child("ingest.js", ["parse", zip]));
    imports.push(...child("ingest.js", ["import", zip, db]));
  }
  const parse = fastestRun(parses);
  const first = fastestRun(imports);
  const [again] = child("ingest.js", ["import", zip, db]);
  const [post] = child("ingest.js", ["post", db]);
  // The same corpus as a folder of files (the dump unzipped), into a new database.
  const folder = path.join(dir, "dossier");
  child("ingest.js", ["extract", zip, folder]);
  const [fromFolder] = child("ingest.js", ["import", folder, path.join(dir, "folder.sqlite")]);
  const rate = (r: Record<string, unknown> | undefined) => (Number(r?.["documents"] ?? 0) / Number(r?.["ms"] ?? 1)) * 1000;
  const p = rate(parse);
  const lines = [
    `import d'une législature : ${n.toLocaleString("fr-FR")} amendements, 300 textes, 60 dossiers, zip de ${(size / 1e6).toFixed(0)} Mo :`,
    `  lecture seule du zip (analyse sans stockage, référence) : ${p.toFixed(0)} amendements/s (la plus rapide de ${rounds} : ${parses.map((r) => rate(r).toFixed(0)).join(", ")}), mémoire max ${String(parse?.["peakMb"])} Mo`,
    `  import (stockage, événements)                  : ${rate(first).toFixed(0)} amendements/s = ${((rate(first) / p) * 100).toFixed(0)} % de la référence (par paire : ${imports.map((r, i) => `${((rate(r) / rate(parses[i])) * 100).toFixed(0)} %`).join(", ")}), mémoire max ${String(first?.["peakMb"])} Mo`,
    `  réimport du même zip (aucune écriture)         : ${rate(again).toFixed(0)} amendements/s = ${((rate(again) / p) * 100).toFixed(0)} % de la référence, mémoire max ${String(again?.["peakMb"])} Mo, ${JSON.stringify(again?.["counts"])}`,
    `  puis analyse, marquage et index de recherche   : ${(Number(post?.["ms"]) / 1000).toFixed(0)} s pour ${String(post?.["dossiers"])} dossiers, mémoire max ${String(post?.["peakMb"])} Mo`,
    `  import du même corpus en dossier de fichiers   : ${rate(fromFolder).toFixed(0)} amendements/s, mémoire max ${String(fromFolder?.["peakMb"])} Mo (objectif : moins de 400 Mo)`,
  ];
  rmSync(dir, { recursive: true, force: true });
  return lines;
}

/** The run of shortest duration. */
function fastestRun(runs: Array<Record<string, unknown>>): Record<string, unknown> | undefined {
  return [...runs].sort((a, b) => Number(a["ms"]) - Number(b["ms"]))[0];
}

const SHARED_FIXTURES = path.join(projectRoot(), "..", "shared", "fixtures");

/** Re-tagging a legislature after a rules change (issue target: 75,000 amendments in under 3 minutes). */
function benchRetag(): string[] {
  const n = Number(process.env["NAVETTE_BENCH_RETAG"] ?? 75_000);
  const dir = tempDir();
  const zip = path.join(dir, "Amendements.json.zip");
  const db = path.join(dir, "retag.sqlite");
  child("ingest.js", ["generate", zip, String(n)]);
  child("ingest.js", ["import", zip, db]);
  const [run] = child("ingest.js", ["retag", db]);
  rmSync(dir, { recursive: true, force: true });
  const ms = Number(run?.["ms"]);
  const read = Number(run?.["readMs"]);
  return [
    `nouveau marquage après un changement de règles, ${Number(run?.["amendments"]).toLocaleString("fr-FR")} amendements (navette marquer) :`,
    `  lecture de leurs textes dans la base (référence) : ${format(read)}`,
    `  marquage de tous les dossiers, stockage compris  : ${(ms / 1000).toFixed(1)} s = ${(ms / read).toFixed(0)} × la référence, ${String(run?.["tags"])} marques, mémoire max ${String(run?.["peakMb"])} Mo (objectif : moins de 180 s)`,
    ...benchRealTagging(),
  ];
}

/** Tagging speed on real amendments (the 1,636 Narcotrafic ones), when ../shared is beside the project. */
function benchRealTagging(): string[] {
  const dir = path.join(SHARED_FIXTURES, "an", "narcotrafic-amendements");
  if (!existsSync(dir)) return ["  amendements réels : ../shared/fixtures absent, mesure ignorée"];
  const rules = loadRules();
  const texts = jsonFiles(dir).flatMap((file) => {
    const raw = JSON.parse(readFileSync(file, "utf8")) as { amendement?: RawObject };
    if (!raw.amendement) return [];
    const { record } = mapAmendment(raw.amendement);
    return [amendmentParagraphs(record.dispositifText, record.exposeText)];
  });
  const baseline = measure(5, () => texts.forEach((t) => t.forEach((a) => foldKeepingOffsets(a.text))));
  const tagging = measure(5, () => texts.forEach((t) => tagText(t, rules)));
  const per75k = (tagging / texts.length) * 75_000;
  return [
    `  amendements réels (${texts.length} du texte Narcotrafic) : ${format(tagging)} = ${(tagging / baseline).toFixed(1)} × leur simple normalisation, soit ~${(per75k / 1000).toFixed(0)} s de calcul pour 75 000`,
  ];
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(path.join(dir, e.name)) : e.name.endsWith(".json") ? [path.join(dir, e.name)] : [],
  );
}

function benchPages(): string[] {
  const large = Number(process.env["NAVETTE_BENCH_PAGE_AMENDMENTS"] ?? 150_000);
  const small = Math.round(large / 10);
  const smallRun = child("pages.js", [String(small), "latency"]);
  const largeRun = child("pages.js", [String(large), "both"]);
  const base = largeRun.find((r) => r["measure"] === "load" && r["name"] === "static");
  const database = largeRun.find((r) => r["measure"] === "database");
  const labels: Record<string, string> = {
    static: "page statique (feuille de style)",
    home: "accueil",
    bill: "page du texte (matrice 120 articles)",
    article: "page d'un article",
    search: "recherche",
    feed: "fil Atom d'un texte",
  };
  const latency = (run: Array<Record<string, unknown>>, name: string) =>
    Number(run.find((r) => r["measure"] === "latency" && r["name"] === name)?.["medianMs"]);
  return [
    `pages sous charge (autocannon, 20 connexions, 8 s ; ${Number(database?.["amendments"]).toLocaleString("fr-FR")} amendements, ${String(database?.["dossiers"])} dossiers) :`,
    ...largeRun
      .filter((r) => r["measure"] === "load")
      .map((r) => {
        const rps = Number(r["requestsPerSecond"]);
        const ratio = base ? ` = ${((rps / Number(base["requestsPerSecond"])) * 100).toFixed(0)} % du statique` : "";
        return `  ${(labels[String(r["name"])] ?? String(r["name"])).padEnd(38)} ${rps.toFixed(0)} req/s${ratio}, p99 ${String(r["p99"])} ms, erreurs ${String(r["errors"])}`;
      }),
    `rendu juste après une écriture (aucune page gardée), médiane : ${small.toLocaleString("fr-FR")} → ${large.toLocaleString("fr-FR")} amendements`,
    ...["home", "bill"].map((name) => {
      const a = latency(smallRun, name);
      const b = latency(largeRun, name);
      return `  ${(labels[name] ?? name).padEnd(38)} ${a.toFixed(1)} ms → ${b.toFixed(1)} ms = ${(b / a).toFixed(2)} ×`;
    }),
  ];
}

const only = process.argv[2];
const sections: Array<() => string[]> =
  only === "ingest"
    ? [benchIngest]
    : only === "pages"
      ? [benchPages]
      : only === "engine"
        ? [benchEngine, benchSimilarity, benchTagging]
        : only === "marquage"
          ? [benchTagging, benchRetag]
          : [benchEngine, benchSimilarity, benchTagging, benchRetag, benchPages, benchIngest];
const lines = ["Navette — mesures (médianes)"];
for (const section of sections) lines.push("", ...section());
console.log(lines.join("\n"));
