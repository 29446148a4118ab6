import { describe, expect, it } from "vitest";
import { parseStructuredDocument } from "../../ingest/document.js";
import { parseAnDossierDocument } from "../../ingest/an/dossier.js";
import { anDossierJson, toAnXml, type ActSpec } from "../../scripts/an-format.js";

const acts: ActSpec[] = [
  {
    code: "AN1",
    children: [
      { code: "AN1-DEPOT", date: "2025-01-10", texteAssocie: "PRJLANR5L17B0100" },
      {
        code: "AN1-COM",
        children: [
          {
            code: "AN1-COM-FOND",
            children: [
              { code: "AN1-COM-FOND-RAPPORT", date: "2025-02-01", texteAssocie: "RAPPANR5L17B0150", texteAdopte: "PRJLANR5L17BTC0150" },
            ],
          },
        ],
      },
      {
        code: "AN1-DEBATS",
        children: [
          {
            code: "AN1-DEBATS-DEC",
            date: "2025-02-20",
            conclusion: { code: "TSORTF04", label: "rejeté" },
            adoptedText: "PRJLANR5L17BTA0020",
          },
        ],
      },
    ],
  },
  { code: "SN2", children: [{ code: "SN2-DEPOT", date: "2025-03-01", texteAssocie: "PRJLSNR5S2024B0400" }] },
  {
    code: "ANLDEF",
    children: [
      {
        code: "ANLDEF-DEBATS",
        children: [
          {
            code: "ANLDEF-DEBATS-DEC",
            date: "2025-06-01",
            conclusion: { code: "TSORTF01", label: "adopté" },
            adoptedText: "PRJLANR5L17BTA0300",
          },
        ],
      },
    ],
  },
];
const dossier = anDossierJson({
  uid: "DLR5L17N2",
  legislature: "17",
  title: "Loi d'essai",
  slug: "essai",
  procedure: "Projet de loi ordinaire",
  acts,
  senatUrl: "https://www.senat.fr/dossier-legislatif/pjl24-100.html",
});

function parse(text: string, name: string) {
  return parseAnDossierDocument(parseStructuredDocument(Buffer.from(text), name), name);
}

describe("AN dossier", () => {
  it("reads steps, readings and failures from the JSON dump", () => {
    const { dossiers, texts } = parse(JSON.stringify(dossier), "d.json");
    expect(dossiers.problems).toEqual([]);
    const record = dossiers.records[0]!;
    expect(record).toMatchObject({ uid: "DLR5L17N2", senatSignet: "pjl24-100" });
    expect(record.steps.map((s) => [s.code, s.reading, s.stage, s.textUid, s.succeeded])).toEqual([
      ["AN1-DEPOT", "1re_lecture", "depot", "PRJLANR5L17B0100", true],
      ["AN1-COM-FOND-RAPPORT", "1re_lecture", "commission", "PRJLANR5L17BTC0150", true],
      ["AN1-DEBATS-DEC", "1re_lecture", "seance", "PRJLANR5L17BTA0020", false],
      ["SN2-DEPOT", "2e_lecture", "depot", "PRJLSNR5S2024B0400", true],
      ["ANLDEF-DEBATS-DEC", "lecture_definitive", "seance", "PRJLANR5L17BTA0300", true],
    ]);
    expect(record.steps[1]?.details).toEqual({ rapport: "RAPPANR5L17B0150" });
    expect(texts.map((t) => [t.uid, t.chamber, t.number, t.kind])).toContainEqual(["PRJLSNR5S2024B0400", "SN", "400", "depose"]);
  });

  it("gives the same dossier from the XML dump as from the JSON dump", () => {
    const fromJson = parse(JSON.stringify(dossier), "d.json");
    const fromXml = parse(toAnXml(dossier), "d.xml");
    expect(fromXml).toEqual(fromJson);
  });

  it("reads text descriptions (document) and an export holding both", () => {
    const document = {
      document: {
        uid: "PRJLANR5L17B0100",
        dossierRef: "DLR5L17N2",
        denominationStructurelle: "Projet de loi",
        titres: { titrePrincipal: "projet de loi d'essai", titrePrincipalCourt: "Essai" },
        notice: { numNotice: "100" },
        cycleDeVie: { chrono: { dateDepot: "2025-01-10T00:00:00.000+01:00" } },
      },
    };
    const { texts } = parse(JSON.stringify(document), "doc.json");
    expect(texts).toEqual([
      {
        uid: "PRJLANR5L17B0100",
        dossierUid: "DLR5L17N2",
        chamber: "AN",
        number: "100",
        title: "Essai",
        kind: "Projet de loi",
        date: "2025-01-10",
      },
    ]);
    const exported = {
      export: {
        textesLegislatifs: { document: document.document },
        dossiersLegislatifs: { dossier: [{ dossierParlementaire: dossier.dossierParlementaire }] },
      },
    };
    const both = parse(toAnXml(exported), "export.xml");
    expect(both.dossiers.records.map((d) => d.uid)).toEqual(["DLR5L17N2"]);
    expect(both.texts.map((t) => t.uid)).toContain("PRJLANR5L17B0100");
  });

  it("reports a dossier without uid or title and keeps the others", () => {
    const bad = {
      export: {
        dossiersLegislatifs: {
          dossier: [{ dossierParlementaire: { uid: "DLBAD" } }, { dossierParlementaire: dossier.dossierParlementaire }],
        },
      },
    };
    const { dossiers } = parse(JSON.stringify(bad), "export.json");
    expect(dossiers.records.map((d) => d.uid)).toEqual(["DLR5L17N2"]);
    expect(dossiers.problems).toEqual([{ record: "DLBAD", message: "dossier sans titre", severity: "error" }]);
  });
});
