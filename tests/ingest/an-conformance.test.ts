/**
 * Conformance on the real AN open-data files of ../shared/fixtures/an: every file is read and
 * checked against values read by hand in the file.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AmendmentRecord } from "../../src/domain/amendment.js";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { openLocalSource } from "../../ingest/sources/entries.js";
import { SourceError } from "../../ingest/document.js";
import { hasSharedFixtures, sharedFiles, sharedPath } from "../helpers/shared-fixtures.js";

const present = hasSharedFixtures("an");
const amendments = findSourceKind("an-amendements")!;
const dossiers = findSourceKind("an-dossiers")!;

function amendmentsOf(file: string): AmendmentRecord[] {
  const result = amendments.parse(file, readFileSync(sharedPath("an", file)));
  expect(result, `${file} should be an amendment document`).not.toBeNull();
  expect(result!.problems).toEqual([]);
  return [...result!.amendments];
}

type Expectation = Partial<Omit<AmendmentRecord, "target">> & { target?: Partial<AmendmentRecord["target"]> };

/** What each single-amendment file must give (read by hand from the file). */
const AMENDMENTS: Record<string, Expectation> = {
  "amdt_L17_narco_com_CL44_art8ter_suppression_adopte.json": {
    uid: "AMANR5L17PO59051B0907P0D1N000044",
    numberLong: "CL44",
    prefix: "CL",
    stage: "commission",
    textUid: "PIONANR5L17B0907",
    target: { kind: "article", article: "8 ter" },
    outcome: "adopte",
    authorName: "M. Léaument",
    identicalDiscussionId: "75692",
    dispositifText: "Supprimer cet article.",
  },
  "amdt_L17_narco_com_CL485_art8ter_alinea8_tombe.json": {
    numberLong: "CL485",
    target: { article: "8 ter", alinea: "8" },
    outcome: "tombe",
  },
  "amdt_L17_narco_com_CL160_art8ter_non-soutenu.json": { numberLong: "CL160", target: { article: "8 ter" }, outcome: "non_soutenu" },
  "amdt_L17_narco_com_CL484_art8ter_retire-apres-publication.json": {
    numberLong: "CL484",
    outcome: "retire",
    outcomeDetail: "Retiré après publication",
    rawSort: null,
  },
  "amdt_L17_narco_com_CL384_apres-art8ter_irrecevable-45-cavalier.json": {
    numberLong: "CL384",
    target: { kind: "article_additionnel", article: "8 ter", position: "apres" },
    outcome: "irrecevable",
    outcomeDetail: "Irrecevable — Cavalier (45)",
    dispositifHtml: null,
    notice: expect.stringContaining("article 98"),
  },
  "amdt_L17_narco_com_CL668_rapporteur_art8_alinea4_adopte.json": {
    numberLong: "CL668",
    authorType: "rapporteur",
    authorName: "M. Vicot",
    target: { article: "8", alinea: "4" },
    outcome: "adopte",
  },
  "amdt_L17_narco_com_CL674_rapporteur_chapitreII_adopte.json": {
    numberLong: "CL674",
    target: { kind: "chapitre", label: "Chapitre II", article: "11", position: "avant" },
    outcome: "adopte",
  },
  "amdt_L17_narco_seance_640_art8ter_retablir_rejete.json": {
    uid: "AMANR5L17PO838901BTC1043P0D1N000640",
    numberLong: "640",
    textUid: "PIONANR5L17BTC1043",
    textNumber: "1043",
    stage: "seance",
    target: { kind: "article", article: "8 ter" },
    authorName: "M. Marleix",
    outcome: "rejete",
    codeReference: "c sécurité intérieur, L871-1",
  },
  "amdt_L17_narco_seance_997_sous-amdt-de-640_art8ter_adopte.json": {
    numberLong: "997",
    parentUid: "AMANR5L17PO838901BTC1043P0D1N000640",
    outcome: "adopte",
    target: { article: "8 ter" },
  },
  "amdt_L17_narco_seance_769_art15ter_retablir_adopte.json": {
    numberLong: "769",
    target: { kind: "article", article: "15 ter" },
    outcome: "adopte",
  },
  "amdt_L17_narco_seance_939rect_art16_retablir_adopte.json": {
    numberLong: "939 (Rect)",
    number: "939",
    rectification: 1,
    target: { article: "16" },
    outcome: "adopte",
  },
  "amdt_L17_narco_seance_1004_gouv_sous-amdt-de-939_art16_adopte.json": {
    authorType: "gouvernement",
    authorRef: "PO855052",
    parentUid: "AMANR5L17PO838901BTC1043P0D1N000939",
    outcome: "adopte",
  },
  "amdt_L17_narco_seance_856rect_apres-art9_article-additionnel_adopte.json": {
    numberLong: "856 (Rect)",
    target: { kind: "article_additionnel", article: "9", position: "apres" },
    outcome: "adopte",
  },
  "amdt_L17_narco_seance_424_apres-art8ter_irrecevable-40-gage.json": {
    outcome: "irrecevable",
    outcomeDetail: "Irrecevable 40 — Gage",
    target: { kind: "article_additionnel", article: "8 ter" },
  },
  "amdt_L17_narco_seance_seconde-deliberation_1_gouv_art4bisA_adopte.json": {
    uid: "AMANR5L17PO838901B1043P0D2N000001",
    numberLong: "1",
    secondDeliberation: true,
    examRef: "EXANR5L17PO838901BTC1043P0D2",
    target: { article: "4 bis A" },
    outcome: "adopte",
  },
  "amdt_L17_narco_texteCMP1277_2_gouv_art3_alinea17_adopte.json": {
    textUid: "PIONANR5L17BTC1277",
    authorType: "gouvernement",
    target: { article: "3", alinea: "17" },
    outcome: "adopte",
  },
  "amdt_L17_narco_seance_851_gouv_art8_adopte.json": { authorType: "gouvernement", target: { article: "8" }, outcome: "adopte" },
  "amdt_L17_narco_seance_835_gouv_article-PREMIER_adopte.json": { target: { article: "1er", label: "Article PREMIER" }, outcome: "adopte" },
  "amdt_L17_narco_seance_1023_gouv_sous-amdt_irrecevable-98.json": {
    authorType: "gouvernement",
    outcome: "irrecevable",
    outcomeDetail: "Irrecevable — Sous-amendement (98)",
  },
  "amdt_L17_narco_seance_2rect_art16_retire-en-seance.json": {
    numberLong: "2 (Rect)",
    rectification: 1,
    rawState: "Discuté",
    rawSort: "Retiré",
    outcome: "retire",
    target: { article: "16" },
  },
  "amdt_L17_transports_seance_237rect_gouv_apres-art9_VSA-2027_adopte.json": {
    textUid: "PIONANR5L17BTC0636",
    authorType: "gouvernement",
    target: { kind: "article_additionnel", article: "9", position: "apres" },
    outcome: "adopte",
    dispositifText: expect.stringContaining("2027"),
  },
  "amdt_L17_simplification_seance_840_art15_datacentres_rejete.json": {
    textUid: "PRJLANR5L17BTC1191",
    target: { article: "15" },
    outcome: "rejete",
  },
  "amdt_L15_legacy-web-xml_PLF2019-1255_1463_annexe-etatB_retire.xml": {
    uid: "ANWEB-L15-1255-II-1463",
    numberLong: "II-1463 (2ème Rect)",
    rectification: 2,
    prefix: "II-",
    textNumber: "1255",
    stage: "seance",
    target: { kind: "annexe", label: "ÉTAT B", article: "39" },
    outcome: "retire",
    authorName: "M. Laqhila",
    depositedAt: "2018-11-06",
  },
};

describe.skipIf(!present)("conformance: every file of ../shared/fixtures/an", () => {
  it("has an expectation for every file (a new file must be looked at)", () => {
    const known = new Set([
      ...Object.keys(AMENDMENTS),
      "amendements_L15_liasse-xml_PRJLANR5L15B0806_essoc_3-amdts.xml",
      "dossier_L15_DLR5L15N36159_essoc_CMP-desaccord_nouvelle-lecture.json",
      "dossier_L15_DLR5L15N37055_ecole-confiance_navette-complete-CMP-CC-PROM.json",
      "texte_L15_r1056-a0_essoc_texte-commission-nouvelle-lecture_iso-8859-1.html",
      "PROVENANCE.md",
      // Read by the test below.
      "narcotrafic-amendements",
      // AN acteurs and organes (AMO): not imported yet (issue #17, « Names instead of codes »).
      "amo",
      "AMO30_subset.json.zip",
      // AN roll-call votes (scrutins): not imported yet (issue #28, « Who voted how »).
      "scrutins-narcotrafic",
    ]);
    expect(sharedFiles("an").filter((f) => !known.has(f))).toEqual([]);
  });

  it("reads all 1,636 real Narcotrafic amendments of narcotrafic-amendements/ without a problem", async () => {
    const source = await openLocalSource(sharedPath("an", "narcotrafic-amendements"));
    const kind = findSourceKind("an-amendements")!;
    const uids = new Set<string>();
    const problems: string[] = [];
    const outcomes = new Map<string, number>();
    for await (const entry of source.entries) {
      if (entry instanceof SourceError) {
        problems.push(entry.message);
        continue;
      }
      const records = kind.parse(entry.name, await entry.read())!;
      problems.push(...records.problems.map((p) => `${entry.name} : ${p.message}`));
      for (const a of records.amendments) {
        uids.add(a.uid);
        expect(a.dossierUid, entry.name).toBe("DLR5L17N50169");
        outcomes.set(a.outcome, (outcomes.get(a.outcome) ?? 0) + 1);
      }
    }
    expect(problems).toEqual([]);
    expect(uids.size).toBe(1636);
    // A real mix of outcomes, every one of them a known outcome.
    expect([...outcomes.keys()].every((o) => o !== "inconnu")).toBe(true);
    expect(outcomes.get("adopte") ?? 0).toBeGreaterThan(50);
    expect(outcomes.get("rejete") ?? 0).toBeGreaterThan(200);
  });

  it.each(Object.entries(AMENDMENTS))("%s", (file, expected) => {
    const records = amendmentsOf(file);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject(expected);
    expect(records[0]!.chamber).toBe("AN");
  });

  it("reads the three amendments of the L15 liasse (identifiant/saisine schema)", () => {
    const records = amendmentsOf("amendements_L15_liasse-xml_PRJLANR5L15B0806_essoc_3-amdts.xml");
    expect(records.map((r) => [r.uid, r.numberLong, r.textUid, r.outcome, r.target.article, r.target.kind])).toEqual([
      ["AMANR5L15PO744107B0806P0D1N28", "28", "PRJLANR5L15B0806", "en_cours", "2", "article"],
      ["AMANR5L15PO744107B0806P0D1N26", "26", "PRJLANR5L15B0806", "retire", "1er", "annexe"],
      // The file was hand-assembled by zam (see PROVENANCE.md): its saisine says text 806 although the uid says 1168.
      ["AMANR5L15PO420120B1168P0D1N103", "AS103", "PRJLANR5L15B0806", "adopte", "40 quater", "article"],
    ]);
    expect(records[0]).toMatchObject({ legislature: "15", authorName: "M. Brun", target: { alinea: "24" }, parentUid: null });
    expect(records[1]!.parentUid).toBe("AMANR5L15PO744107B0806P0D1N28");
    expect(records[2]!.authorType).toBe("gouvernement");
  });

  it("reads the École de la confiance dossier: full navette with CMP agreement, CC and promulgation", () => {
    const result = dossiers.parse(
      "d.json",
      readFileSync(sharedPath("an", "dossier_L15_DLR5L15N37055_ecole-confiance_navette-complete-CMP-CC-PROM.json")),
    )!;
    expect(result.problems).toEqual([]);
    const [dossier] = result.dossiers;
    expect(dossier).toMatchObject({
      uid: "DLR5L15N37055",
      title: "Ecole de la confiance",
      senatSignet: "pjl18-323",
      procedure: "Projet de loi ordinaire",
    });
    const steps = dossier!.steps.map((s) => [s.code, s.place, s.reading, s.stage, s.textUid, s.succeeded]);
    expect(steps).toEqual([
      ["AN1-DEPOT", "AN", "1re_lecture", "depot", "PRJLANR5L15B1481", true],
      ["AN1-COM-FOND-RAPPORT", "AN", "1re_lecture", "commission", "PRJLANR5L15BTC1629", true],
      ["AN1-DEBATS-DEC", "AN", "1re_lecture", "seance", "PRJLANR5L15BTA0233", true],
      ["SN1-DEPOT", "SN", "1re_lecture", "depot", "PRJLSNR5S319B0323", true],
      ["SN1-COM-FOND-RAPPORT", "SN", "1re_lecture", "commission", "PRJLSNR5S319BTC0474", true],
      ["SN1-DEBATS-DEC", "SN", "1re_lecture", "seance", "PRJLSNR5S319BTA0100", true],
      ["CMP-DEPOT", "CMP", "cmp", "depot", "PRJLANR5L15B1956", true],
      ["CMP-COM-RAPPORT-AN", "CMP", "cmp", "commission", "PRJLANR5L15BTC2038", true],
      ["CMP-COM-RAPPORT-SN", "CMP", "cmp", "commission", "PRJLSNR5S319BTC0576", true],
      ["CMP-DEBATS-AN-DEC", "AN", "cmp", "seance", "PRJLANR5L15BTA0302", true],
      ["CMP-DEBATS-SN-DEC", "SN", "cmp", "seance", "PRJLSNR5S319BTA0126", true],
      ["CMP-DEC", "CMP", "cmp", "cmp", null, true],
      ["CC-CONCLUSION", "CC", "conseil_constitutionnel", "conseil_constitutionnel", null, true],
      ["PROM-PUB", "PR", "promulgation", "promulgation", "LOI-2019-791", true],
    ]);
    const cc = dossier!.steps.find((s) => s.code === "CC-CONCLUSION");
    expect(cc?.outcome).toBe("Partiellement conforme");
    const promulgation = dossier!.steps.find((s) => s.code === "PROM-PUB");
    expect(promulgation).toMatchObject({
      date: "2019-07-26",
      details: { loi: "2019-791", dateJO: "2019-07-28", numJO: "174", nor: "MENX1828765L" },
    });
    expect(result.texts.map((t) => t.uid)).toContain("PRJLANR5L15BTC1629");
  });

  it("reads the ESSOC dossier: CMP failure, then nouvelle lecture", () => {
    const result = dossiers.parse(
      "d.json",
      readFileSync(sharedPath("an", "dossier_L15_DLR5L15N36159_essoc_CMP-desaccord_nouvelle-lecture.json")),
    )!;
    const [dossier] = result.dossiers;
    expect(dossier).toMatchObject({ uid: "DLR5L15N36159", senatSignet: "pjl17-259" });
    const cmp = dossier!.steps.find((s) => s.code === "CMP-DEC");
    expect(cmp).toMatchObject({ outcome: "Désaccord", succeeded: false, date: "2018-04-05" });
    const anReport = dossier!.steps.find((s) => s.code === "CMP-COM-RAPPORT-AN");
    expect(anReport).toMatchObject({ textUid: null, textRole: null, details: { rapport: "RAPPANR5L15B0853" } });
    const nl = dossier!.steps.filter((s) => s.reading === "nouvelle_lecture").map((s) => [s.stage, s.textUid]);
    expect(nl).toEqual([
      ["depot", "PRJLANR5L15B0806"],
      ["commission", "PRJLANR5L15BTC1056"],
    ]);
  });

  it("leaves the HTML text page to the text importer (issue: bill texts)", () => {
    const bytes = readFileSync(sharedPath("an", "texte_L15_r1056-a0_essoc_texte-commission-nouvelle-lecture_iso-8859-1.html"));
    expect(amendments.parse("r1056-a0.html", bytes)).toBeNull();
    expect(dossiers.parse("r1056-a0.html", bytes)).toBeNull();
  });
});
