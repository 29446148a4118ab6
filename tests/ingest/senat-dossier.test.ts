/**
 * Sénat dossier pages and feeds (real files), and merging a bill's AN and Sénat records.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseSenatDossierFeed, parseSenatDossierPage, frenchDateToIso } from "../../ingest/senat/dossier.js";
import { parseStructuredDocument } from "../../ingest/document.js";
import { mergeDossiers } from "../../src/domain/dossier-merge.js";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { runImport } from "../../src/importer/run-import.js";
import { anDossierJson } from "../../scripts/an-format.js";
import { renderJeuComplet } from "../../scripts/senat-format.js";
import { hasSharedFixtures, sharedPath } from "../helpers/shared-fixtures.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { tempDir } from "../helpers/fixtures.js";

const present = hasSharedFixtures("senat");
const page = (file: string) => parseSenatDossierPage(readFileSync(sharedPath("senat", file), "utf8"), file);
const steps = (file: string) => page(file).dossier.steps.map((s) => [s.code, s.place, s.reading, s.stage, s.date, s.textUid]);

/** A Sénat dossier page in the real markup, reduced to what the parser reads. */
function senatPage(signet: string, items: string): string {
  return `<html><head><title>Démo - Sénat</title></head><body>
<li><a href="/dossierleg/rss/dosleg${signet}.xml" class="link-rss">Abonnement RSS</a></li>
<h1 class="title-dosleg">Démo</h1><h2 class="subtitle-01">Proposition de loi de démonstration :</h2>
<div class="box-inner gradient-01"><h3 class='title title-02'>Première lecture</h3>${items}</div></body></html>`;
}

describe("French dates", () => {
  it.each([
    ["déposé le 18 janvier 2017", "2017-01-18"],
    ["parue au JO du 1er mars 2017", "2017-03-01"],
    ["le 3 août 2016", "2016-08-03"],
    ["sans date", null],
  ])("%s", (text, iso) => expect(frenchDateToIso(text)).toBe(iso));
});

describe.skipIf(!present)("Sénat dossier pages (real)", () => {
  it("pjl16-263 (sécurité publique): Sénat first, AN, CMP, promulgation", () => {
    expect(page("dosleg_page_pjl16-263_securite-publique_CMP.html").dossier).toMatchObject({
      uid: "SENAT-pjl16-263",
      senatSignet: "pjl16-263",
      procedure: "Projet de loi",
      title: "Loi relative à la sécurité publique",
    });
    expect(steps("dosleg_page_pjl16-263_securite-publique_CMP.html")).toEqual([
      ["SN1-DEPOT", "SN", "1re_lecture", "depot", "2016-12-21", "SENAT-pjl16-263"],
      ["SN1-COMMISSION", "SN", "1re_lecture", "commission", "2017-01-18", "SENAT-pjl16-310"],
      ["SN1-SEANCE", "SN", "1re_lecture", "seance", "2017-01-24", "SENAT-tas16-065"],
      ["AN1-DEPOT", "AN", "1re_lecture", "depot", "2017-01-25", "ANR5L14B4420"],
      ["AN1-COMMISSION", "AN", "1re_lecture", "commission", "2017-02-01", "ANR5L14BTC4431"],
      ["AN1-SEANCE", "AN", "1re_lecture", "seance", "2017-02-08", "ANR5L14BTA0908"],
      ["CMP-COMMISSION", "CMP", "cmp", "commission", "2017-02-13", "SENAT-pjl16-400"],
      ["CMP-SEANCE-AN", "AN", "cmp", "seance", "2017-02-15", "ANR5L14BTA0915"],
      ["CMP-SEANCE-SN", "SN", "cmp", "seance", "2017-02-16", "SENAT-tas16-095"],
      ["PROM-PUB", "PR", "promulgation", "promulgation", "2017-02-28", "LOI-2017-258"],
    ]);
    expect(page("dosleg_page_pjl16-263_securite-publique_CMP.html").dossier.steps.at(-1)!.details["loi"]).toBe("2017-258");
  });

  it("pjl15-325 (République numérique): AN first, Sénat, CMP, promulgation", () => {
    expect(steps("dosleg_page_pjl15-325_republique-numerique_CMP.html")).toEqual([
      ["AN1-DEPOT", "AN", "1re_lecture", "depot", "2015-12-09", "ANR5L14B3318"],
      ["AN1-COMMISSION", "AN", "1re_lecture", "commission", "2016-01-15", "ANR5L14BTC3399"],
      ["AN1-SEANCE", "AN", "1re_lecture", "seance", "2016-01-26", "ANR5L14BTA0663"],
      ["SN1-DEPOT", "SN", "1re_lecture", "depot", "2016-01-26", "SENAT-pjl15-325"],
      ["SN1-COMMISSION", "SN", "1re_lecture", "commission", "2016-04-06", "SENAT-pjl15-535"],
      ["SN1-SEANCE", "SN", "1re_lecture", "seance", "2016-05-03", "SENAT-tas15-131"],
      ["CMP-COMMISSION", "CMP", "cmp", "commission", "2016-06-30", "SENAT-pjl15-744"],
      ["CMP-SEANCE-AN", "AN", "cmp", "seance", "2016-07-20", "ANR5L14BTA0802"],
      ["CMP-SEANCE-SN", "SN", "cmp", "seance", "2016-09-28", "SENAT-tas15-185"],
      ["PROM-PUB", "PR", "promulgation", "promulgation", "2016-10-07", "LOI-2016-1321"],
    ]);
  });

  it("reads the ISO-8859-15 Atom feeds: entries and the texts they announce", () => {
    const feed = (file: string) => parseSenatDossierFeed(parseStructuredDocument(readFileSync(sharedPath("senat", file)), file), file);
    const big = feed("dosleg_rss_pjl18-404_iso-8859-15.xml");
    expect(big).toMatchObject({ signet: "pjl18-404", title: "Sénat - Organisation du système de santé" });
    expect(big.entries).toHaveLength(43);
    expect(big.texts.map((t) => [t.uid, t.kind, t.date])).toEqual([
      ["SENAT-tas18-109", "adopte", "2019-06-11"],
      ["SENAT-pjl18-525", "commission", "2019-05-22"],
      ["SENAT-pjl18-404", "depose", "2019-03-26"],
    ]);
    const small = feed("dosleg_rss_ppl17-699_iso-8859-15.xml");
    expect(small.entries).toHaveLength(8);
    expect(small.entries.find((e) => e.link?.includes("petite-loi-ameli"))?.link).toBe(
      "https://www.senat.fr/petite-loi-ameli/2018-2019/547.html",
    );
  });
});

describe("merging the AN and Sénat records of a bill", () => {
  const an = {
    uid: "DLR5L17N1",
    legislature: "17",
    title: "Loi",
    slug: "loi",
    procedure: "Projet de loi",
    senatSignet: "pjl24-100",
    senatUrl: null,
    steps: [
      {
        code: "SN1-DEPOT",
        place: "SN" as const,
        reading: "1re_lecture" as const,
        stage: "depot" as const,
        date: "2025-01-01",
        textUid: "PRJLSNR5S2024B0100",
        textRole: "depose" as const,
        outcome: null,
        succeeded: true,
        details: {},
      },
      {
        code: "SN1-COM-FOND-RAPPORT",
        place: "SN" as const,
        reading: "1re_lecture" as const,
        stage: "commission" as const,
        date: "2025-01-10",
        textUid: null,
        textRole: null,
        outcome: null,
        succeeded: true,
        details: {},
      },
      {
        code: "AN1-DEPOT",
        place: "AN" as const,
        reading: "1re_lecture" as const,
        stage: "depot" as const,
        date: "2025-02-01",
        textUid: "PRJLANR5L17B0200",
        textRole: "depose" as const,
        outcome: null,
        succeeded: true,
        details: {},
      },
    ],
  };
  const senat = {
    ...an,
    uid: "SENAT-pjl24-100",
    steps: [
      { ...an.steps[0]!, code: "SN1-DEPOT", textUid: "SENAT-pjl24-100" },
      { ...an.steps[1]!, code: "SN1-COMMISSION", textUid: "SENAT-pjl24-150", textRole: "commission" as const },
      {
        ...an.steps[0]!,
        code: "SN1-SEANCE",
        stage: "seance" as const,
        date: "2025-01-20",
        textUid: "SENAT-tas24-040",
        textRole: "adopte" as const,
      },
    ],
  };

  it("keeps the AN steps, fills their missing texts, inserts the Sénat-only steps by date", () => {
    const merged = mergeDossiers(an, senat);
    expect(merged.uid).toBe("DLR5L17N1");
    expect(merged.steps.map((s) => [s.code, s.textUid, s.details["texteSenat"] ?? null])).toEqual([
      ["SN1-DEPOT", "PRJLSNR5S2024B0100", "SENAT-pjl24-100"],
      ["SN1-COM-FOND-RAPPORT", "SENAT-pjl24-150", null],
      ["SN1-SEANCE", "SENAT-tas24-040", null],
      ["AN1-DEPOT", "PRJLANR5L17B0200", null],
    ]);
  });
});

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`Sénat dossier import on ${dialect}`, () => {
    let database: TestDatabase;
    afterEach(async () => {
      await database?.dispose();
    });
    const run = (kind: string, location: string) => runImport(database, { kind: findSourceKind(kind)!, location, cacheDir: tempDir() });

    it("stores a Sénat-only dossier, then merges it into the AN dossier, and links Sénat amendments", async () => {
      database = await createTestDatabase(dialect);
      const dir = tempDir();
      const senatFile = path.join(dir, "ppl24-100.html");
      writeFileSync(
        senatFile,
        senatPage(
          "ppl24-100",
          `<div class="item item-big" id="timeline-1"><h4 class="title title-06 link-type-02">Sénat</h4><ul class="list-disc-02">
<li><a href='/leg/ppl24-100.html'>Texte</a> n° 100 (2024-2025) de M. DUPONT, déposé au Sénat le 2 janvier 2025</li></ul></div>
<div class="item item-small" id="timeline-2"><ul class="list-disc-02"><li>Travaux de commission<ul class="list-disc-02">
<li><a href='/leg/ppl24-150.html'>Texte de la commission</a> n° 150 (2024-2025) déposé le 10 janvier 2025</li></ul></li></ul></div>`,
        ),
      );
      const csv = path.join(dir, "jeu_complet_2024-2025_150.csv");
      writeFileSync(
        csv,
        renderJeuComplet("2024-2025", "150", [
          {
            numero: "1",
            subdivision: "Article 1er",
            auteur: "M. DUPONT",
            date: "2025-01-12",
            dispositif: "<p>Supprimer cet article.</p>",
            objet: "<p>Objet.</p>",
            sort: "Rejeté",
          },
        ]),
      );
      await run("senat-amendements", csv);
      expect((await run("senat-dossier", senatFile)).counts).toMatchObject({ created: 1 });
      expect(await database.db.selectFrom("dossiers").select("uid").execute()).toEqual([{ uid: "SENAT-ppl24-100" }]);
      expect(await database.db.selectFrom("amendments").select(["dossier_uid", "text_uid"]).execute()).toEqual([
        { dossier_uid: "SENAT-ppl24-100", text_uid: "SENAT-ppl24-150" },
      ]);

      const anFile = path.join(dir, "an.json");
      writeFileSync(
        anFile,
        JSON.stringify(
          anDossierJson({
            uid: "DLR5L17N100",
            legislature: "17",
            title: "Loi de démonstration",
            slug: "demo",
            senatUrl: "http://www.senat.fr/dossier-legislatif/ppl24-100.html",
            procedure: "Proposition de loi ordinaire",
            acts: [
              { code: "SN1", children: [{ code: "SN1-DEPOT", date: "2025-01-02", texteAssocie: "PIONSNR5S2024B0100" }] },
              { code: "AN1", children: [{ code: "AN1-DEPOT", date: "2025-02-01", texteAssocie: "PIONANR5L17B0300" }] },
            ],
          }),
        ),
      );
      await run("an-dossiers", anFile);
      expect(await database.db.selectFrom("dossiers").select("uid").execute()).toEqual([{ uid: "DLR5L17N100" }]);
      const merged = await database.db
        .selectFrom("dossier_steps")
        .select(["code", "text_uid"])
        .where("dossier_uid", "=", "DLR5L17N100")
        .orderBy("position")
        .execute();
      expect(merged).toEqual([
        { code: "SN1-DEPOT", text_uid: "PIONSNR5S2024B0100" },
        { code: "SN1-COMMISSION", text_uid: "SENAT-ppl24-150" },
        { code: "AN1-DEPOT", text_uid: "PIONANR5L17B0300" },
      ]);
      expect(await database.db.selectFrom("amendments").select(["dossier_uid"]).execute()).toEqual([{ dossier_uid: "DLR5L17N100" }]);
      // Re-importing either source changes nothing.
      expect((await run("senat-dossier", senatFile)).counts).toMatchObject({ created: 0, changed: 0, unchanged: 1 });
      expect((await run("an-dossiers", anFile)).counts).toMatchObject({ created: 0, changed: 0, unchanged: 1 });
    });
  });
}
