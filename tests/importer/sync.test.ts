/**
 * `navette suivre` + `navette sync` as real processes, against a local mirror of the chambers'
 * sites (real HTTP on 127.0.0.1, the real Sénat dossier page of pjl16-263 and the files written in
 * their published formats): one address yields the whole bill — steps, texts, articles,
 * amendments, statuses; missing files are reported and the rest goes on; a second sync downloads
 * nothing and writes no data; the followed-bills page shows it. On SQLite and PostgreSQL.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { readDataVersion } from "../../db/store/data-version.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { tempDir } from "../helpers/fixtures.js";
import { startMirror, type Mirror } from "../helpers/mirror.js";
import { MIRROR_AMENDMENTS, securitePubliqueMirror } from "../helpers/securite-publique.js";
import { hasSharedFixtures } from "../helpers/shared-fixtures.js";
import { readdirSync, readFileSync } from "node:fs";
import { writeZip } from "../helpers/fixtures.js";
import { renderSenatHtml } from "../../scripts/text-formats.js";
import { DEMO_TEXTS } from "../../scripts/demo-navette.js";
import type { MirrorFile } from "../helpers/mirror.js";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const hasPage = hasSharedFixtures("senat/dosleg_page_pjl16-263_securite-publique_CMP.html");

/** Runs the CLI in its own process without blocking this one (the mirror answers from here). */
function navette(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "src/cli/main.ts"), ...args],
      { cwd: ROOT, env: { ...process.env, NAVETTE_PASSWORD: "", ...env }, encoding: "utf8", timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** The environment of a CLI run on `database` with every source address pointing at the mirror. */
function mirrorEnv(database: TestDatabase, mirror: Mirror): Record<string, string> {
  return {
    DATABASE_URL: database.url,
    NAVETTE_DATA_DIR: tempDir(),
    NAVETTE_SOURCE_SENAT: mirror.base,
    NAVETTE_SOURCE_AN: mirror.base,
    NAVETTE_AN_DOSSIERS: `${mirror.base}/opendata/Dossiers_Legislatifs.json.zip`,
    NAVETTE_AN_AMENDEMENTS: `${mirror.base}/opendata/Amendements.json.zip`,
    NAVETTE_SOURCE_CC: mirror.base,
    NAVETTE_SOURCE_LEGIFRANCE: mirror.base,
  };
}

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available || !hasPage)(`follow a Sénat bill by its address and sync it, on ${dialect}`, () => {
    let database: TestDatabase;
    let mirror: Mirror;
    let env: Record<string, string>;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      mirror = await startMirror(securitePubliqueMirror());
      env = mirrorEnv(database, mirror);
    });
    afterAll(async () => {
      await mirror?.close();
      await database?.dispose();
    });

    it("imports the whole bill from its address in one sync, reporting the missing files", async () => {
      const follow = await navette(["suivre", "https://www.senat.fr/dossier-legislatif/pjl16-263.html"], env);
      expect(follow.code, follow.stderr).toBe(0);
      expect(follow.stdout).toContain("pjl16-263 (Sénat) est suivi");

      const sync = await navette(["sync", "--quiet"], env);
      expect(sync.code, sync.stderr).toBe(0);
      expect(sync.stdout).toMatch(
        /sync https:\/\/www\.senat\.fr\/dossier-legislatif\/pjl16-263\.html \(SENAT-pjl16-263\) : 14 fichiers importés, 0 inchangé, 3 absents, 0 en échec/,
      );
      expect(sync.stderr).toContain(`absent : flux du dossier au Sénat (${mirror.base}/dossierleg/rss/doslegpjl16-263.xml)`);
      // The law, at the Légifrance address the Sénat's page links to (not in this mirror).
      expect(sync.stderr).toContain(`absent : loi n° 2017-258 au Journal officiel (${mirror.base}/eli/loi/2017/2/28/2017-258/jo/texte)`);
      expect(sync.stderr).toContain(
        `absent : dérouleur de séance du texte pjl16-400 (${mirror.base}/enseance/2016-2017/400/liste_discussion.json)`,
      );

      const { db } = database;
      const steps = await db
        .selectFrom("dossier_steps")
        .select(["step_key", "text_uid"])
        .where("dossier_uid", "=", "SENAT-pjl16-263")
        .execute();
      expect(steps).toHaveLength(10);
      const texts = await db.selectFrom("texts").select("uid").where("content_hash", "is not", null).orderBy("uid").execute();
      expect(texts.map((t) => t.uid)).toEqual([
        "ANR5L14B4420",
        "ANR5L14BTA0908",
        "ANR5L14BTA0915",
        "ANR5L14BTC4431",
        "SENAT-pjl16-263",
        "SENAT-pjl16-310",
        "SENAT-pjl16-400",
        "SENAT-tas16-065",
        "SENAT-tas16-095",
      ]);
      const amendments = await db.selectFrom("amendments").select(["uid", "dossier_uid", "outcome"]).execute();
      expect(amendments).toHaveLength(MIRROR_AMENDMENTS);
      expect(amendments.every((a) => a.dossier_uid === "SENAT-pjl16-263")).toBe(true);
      // The navette: article 4, added by the Sénat's committee, deleted by the Assemblée's.
      const article4 = await db
        .selectFrom("provision_states")
        .select(["step_key", "status"])
        .where("dossier_uid", "=", "SENAT-pjl16-263")
        .where("provision_id", "like", "4@%")
        .orderBy("step_position")
        .execute();
      expect(article4.map((s) => `${s.step_key} ${s.status}`)).toEqual([
        "SN1-COMMISSION#1 new",
        "SN1-SEANCE#1 unchanged",
        "AN1-DEPOT#1 unchanged",
        "AN1-COMMISSION#1 deleted",
        "AN1-SEANCE#1 absent",
        "CMP-COMMISSION#1 absent",
        "CMP-SEANCE-AN#1 absent",
        "CMP-SEANCE-SN#1 absent",
      ]);
      const run = await db.selectFrom("import_runs").select(["source", "status"]).orderBy("id", "desc").executeTakeFirstOrThrow();
      expect(run).toEqual({ source: "sync", status: "ok" });
    });

    it("downloads nothing and writes no data on a second sync", async () => {
      const version = await readDataVersion(database.db);
      const events = await database.db
        .selectFrom("events")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      const served = mirror.log.length;
      const again = await navette(["sync", "--quiet"], env);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/0 fichier importé, 14 inchangés, 3 absents, 0 en échec — 0 nouveau, 0 modifié/);
      const answered = mirror.log.slice(served);
      expect(answered.filter((r) => r.status === 200)).toEqual([]);
      expect(answered.filter((r) => r.status === 304)).toHaveLength(14);
      expect(await readDataVersion(database.db)).toBe(version);
      const after = await database.db
        .selectFrom("events")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(events.n));
    });

    it("lists the followed bill with its last sync on the followed-bills page", async () => {
      const html = await (await createApp(database).request("/suivis")).text();
      expect(html).toContain("pjl16-263");
      expect(html).toContain("/dossiers/SENAT-pjl16-263");
      expect(html).toMatch(/0 fichier importé, 14 inchangés, 3 absents/);
      expect(html).toContain("dérouleur de séance du texte pjl16-400");
    });
  });
}

/** Every file under a folder, with its path relative to it. */
function filesUnder(dir: string, prefix = ""): Array<[string, Buffer]> {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e): Array<[string, Buffer]> =>
    e.isDirectory()
      ? filesUnder(dir, path.join(prefix, e.name))
      : [[path.join(prefix, e.name), readFileSync(path.join(dir, prefix, e.name))]],
  );
}

/**
 * The demo bill's files at their public addresses: the legislature's dumps (with another bill's
 * dossier and amendment in them, which a sync must leave aside), every step's text, the Sénat's
 * amendment files and the Conseil constitutionnel's decision.
 */
async function demoMirrorFiles(): Promise<Map<string, MirrorFile>> {
  const demo = path.join(ROOT, "demo", "an");
  const dossier = readFileSync(path.join(demo, "dossiers", "DLR5L17N99901.json"), "utf8");
  const other = dossier.replaceAll("DLR5L17N99901", "DLR5L17N99902").replace("Démonstration —", "Autre texte —");
  const dossiers = await writeZip([
    ["json/dossierParlementaire/DLR5L17N99901.json", dossier],
    ["json/dossierParlementaire/DLR5L17N99902.json", other],
  ]);
  const amendments = filesUnder(path.join(demo, "amendements"));
  const [firstName, firstBody] = amendments[0]!;
  const elsewhere: [string, Buffer] = [
    firstName.replace("DLR5L17N99901", "DLR5L17N11111").replace(/N0000(\d\d)\.json$/, "N0009$1.json"),
    firstBody,
  ];
  const dump = await writeZip([...amendments, elsewhere].map(([name, body]) => [name, body]));
  const zip = (file: string): MirrorFile => ({ body: readFileSync(file), type: "application/zip" });
  const html = (file: string): MirrorFile => ({ body: readFileSync(file), type: "text/html" });
  const anTexts = readdirSync(path.join(demo, "textes")).map((name): [string, MirrorFile] => [
    `/dyn/opendata/${name}`,
    html(path.join(demo, "textes", name)),
  ]);
  // The Sénat publishes its tabled text as a /leg/ page too; the others are the demo's pages.
  const senat = path.join(ROOT, "demo", "senat", "textes");
  const senatTexts = ["ppl24-256", "tas24-059", "tas24-080"].map((ref): [string, MirrorFile] => [
    `/leg/${ref}.html`,
    html(path.join(senat, `${ref}.html`)),
  ]);
  return new Map<string, MirrorFile>([
    ["/opendata/Dossiers_Legislatifs.json.zip", zip(dossiers)],
    ["/opendata/Amendements.json.zip", zip(dump)],
    ...anTexts,
    ["/leg/ppl24-999.html", { body: Buffer.from(renderSenatHtml(DEMO_TEXTS.senateTabled)), type: "text/html" }],
    ...senatTexts,
    ["/decision/2025/2025999DC.htm", html(path.join(ROOT, "demo", "cc", "2025999DC.htm"))],
    ["/jorf/id/JORFTEXT000099999999", html(path.join(ROOT, "demo", "jo", "JORFTEXT000099999999.html"))],
    ...senatAmendmentFiles(),
  ]);
}

/** The Sénat's amendment files of the demo, at their addresses. */
function senatAmendmentFiles(): Array<[string, MirrorFile]> {
  const senat = path.join(ROOT, "demo", "senat");
  const csv = (file: string): MirrorFile => ({ body: readFileSync(path.join(senat, "amendements", file)), type: "text/csv" });
  return [
    ["/amendements/commissions/2024-2025/999/jeu_complet_commission_2024-2025_999.csv", csv("jeu_complet_commission_2024-2025_999.csv")],
    ["/amendements/2024-2025/256/jeu_complet_2024-2025_256.csv", csv("jeu_complet_2024-2025_256.csv")],
    [
      "/enseance/2024-2025/256/liste_discussion.json",
      { body: readFileSync(path.join(senat, "enseance", "2024-2025", "256", "liste_discussion.json")), type: "application/json" },
    ],
  ];
}

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`follow an Assemblée bill by its uid and sync it from the legislature's dumps, on ${dialect}`, () => {
    let database: TestDatabase;
    let mirror: Mirror;
    let env: Record<string, string>;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      mirror = await startMirror(await demoMirrorFiles());
      env = mirrorEnv(database, mirror);
    });
    afterAll(async () => {
      await mirror?.close();
      await database?.dispose();
    });

    it("imports the bill's dossier, texts and amendments, and only this bill's", async () => {
      expect((await navette(["suivre", "https://www.assemblee-nationale.fr/dyn/17/dossiers/DLR5L17N99901"], env)).code).toBe(0);
      const sync = await navette(["sync", "--quiet"], env);
      expect(sync.code, sync.stderr).toBe(0);
      const { db } = database;
      expect((await db.selectFrom("dossiers").select("uid").execute()).map((d) => d.uid)).toEqual(["DLR5L17N99901"]);
      const amendments = await db.selectFrom("amendments").select("dossier_uid").execute();
      // The Assemblée's 15 and the Sénat's 7, linked to the bill by the texts its steps name.
      expect(amendments).toHaveLength(22);
      expect(new Set(amendments.map((a) => a.dossier_uid))).toEqual(new Set(["DLR5L17N99901"]));
      const texts = await db.selectFrom("texts").select("uid").where("content_hash", "is not", null).orderBy("uid").execute();
      expect(texts.map((t) => t.uid)).toEqual([
        "LOI-2025-999",
        "PIONANR5L17B9907",
        "PIONANR5L17BTA0099",
        "PIONANR5L17BTA0110",
        "PIONANR5L17BTC1010",
        "PIONANR5L17BTC9943",
        "PIONSNR5S2024B0999",
        "PIONSNR5S2024BTA0059",
        "PIONSNR5S2024BTA0080",
        "PIONSNR5S2024BTC0256",
      ]);
      // Every step, down to the Conseil constitutionnel's decision, fetched from its address.
      const article = await db
        .selectFrom("provision_states")
        .select(["step_key", "status"])
        .where("dossier_uid", "=", "DLR5L17N99901")
        .where("provision_id", "=", "9 bis@AN1-DEBATS-DEC#1")
        .orderBy("step_position")
        .execute();
      expect(article.map((s) => `${s.step_key} ${s.status}`)).toEqual([
        "AN1-DEBATS-DEC#1 new",
        "CMP-COM-RAPPORT-AN#1 unchanged",
        "CMP-DEBATS-AN-DEC#1 unchanged",
        "CMP-DEBATS-SN-DEC#1 conforme",
        "CC-CONCLUSION#1 censured",
        "PROM-PUB#1 absent",
      ]);
      expect(sync.stderr).not.toContain("absent :");
      expect(sync.stdout).toMatch(/\(DLR5L17N99901\) : 16 fichiers importés, 0 inchangé, 0 absent, 0 en échec/);
      // The other bill's dossier and amendment are left aside by their path, before being parsed.
      const run = await db.selectFrom("import_runs").select("counts").where("source", "=", "sync").executeTakeFirstOrThrow();
      expect(JSON.parse(run.counts)).toMatchObject({ skipped: 2, failed: 0 });
    });
  });
}
