/**
 * Hostile input: every bad file gives a clear error naming the file (and the record when there is
 * one), takes no unbounded time or memory, and stores nothing wrong.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseStructuredDocument, SourceError } from "../../ingest/document.js";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { runImport } from "../../src/importer/run-import.js";
import { anAmendmentJson } from "../../scripts/an-format.js";
import { renderJeuComplet } from "../../scripts/senat-format.js";
import { parseSenatAmendmentsCsv } from "../../ingest/senat/amendements-csv.js";
import { createTestDatabase, type TestDatabase } from "../helpers/databases.js";
import { amendmentSpec, tempDir, writeZip } from "../helpers/fixtures.js";

const entity = (n: number) => `<!ENTITY lol${n} "${`&lol${n - 1};`.repeat(10)}">`;
const BILLION_LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${Array.from({ length: 9 }, (_, i) => entity(i + 1)).join("")}]><amendement><uid>&lol9;</uid><numeroLong>1</numeroLong></amendement>`;

function errorOf(run: () => unknown): SourceError {
  try {
    run();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error("no error");
}

describe("hostile documents", () => {
  it("refuses a Sénat amendment number that is not one (a stray quote), naming the line, and reads the others", () => {
    const row = {
      subdivision: "Article 3",
      auteur: "M. DUPONT",
      date: "12/03/2025",
      dispositif: "<p>Supprimer cet article.</p>",
      objet: "<p>Objet.</p>",
      sort: "Rejeté",
    };
    const file = renderJeuComplet("2017-2018", "63", [
      { ...row, numero: "8" },
      { ...row, numero: '"9' },
      { ...row, numero: "COM-10 rect. bis" },
    ]);
    const result = parseSenatAmendmentsCsv(file, "amdt_csv_seance_2017-2018_n63_jeu_complet.csv");
    expect(result.records.map((a) => a.uid)).toEqual(["SN-2017-2018-63-8", "SN-2017-2018-63-COM-10"]);
    expect(result.problems).toEqual([
      { record: 'ligne 4 (n° "9)', severity: "error", message: expect.stringContaining("numéro d'amendement illisible") },
    ]);
  });

  it("does not expand entities (billion laughs): the record is refused, quickly, without blowing up", () => {
    const started = Date.now();
    const kind = findSourceKind("an-amendements")!;
    const result = kind.parse("lol.xml", Buffer.from(BILLION_LAUGHS))!;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.amendments).toEqual([]);
    // The entity is left as it is, unexpanded: the uid it stands in for is refused.
    expect(result.problems).toEqual([{ record: "&lol9;", severity: "error", message: expect.stringMatching(/uid/) }]);
  });

  it("refuses deep nesting with a clear error", () => {
    const deep = "<a>".repeat(100_000) + "x" + "</a>".repeat(100_000);
    expect(errorOf(() => parseStructuredDocument(Buffer.from(deep), "profond.xml"))).toMatchObject({
      file: "profond.xml",
      message: expect.stringMatching(/illisible|mal formé/),
    });
  });

  it("names truncated documents, wrong and mixed encodings, and empty files", () => {
    expect(
      errorOf(() => parseStructuredDocument(Buffer.from('<?xml version="1.0"?><amendement><uid>AM1</uid><numeroLo'), "tronqué.xml"))
        .message,
    ).toMatch(/XML mal formé/);
    expect(errorOf(() => parseStructuredDocument(Buffer.from('{"amendement": {"uid": "AM1", "numer'), "tronqué.json")).message).toMatch(
      /JSON mal formé/,
    );
    const mixed = Buffer.concat([Buffer.from('{"amendement": {"uid": "AMé", "x": "'), Buffer.from([0xe9, 0x22, 0x7d, 0x7d])]);
    expect(errorOf(() => parseStructuredDocument(mixed, "mélangé.json"))).toMatchObject({
      file: "mélangé.json",
      message: expect.stringMatching(/pas valide en utf-8/),
    });
    expect(errorOf(() => parseStructuredDocument(Buffer.from('<?xml version="1.0" encoding="KOI8-R"?><a/>'), "koi.xml")).message).toMatch(
      /encodage « KOI8-R » non pris en charge/,
    );
    expect(errorOf(() => parseStructuredDocument(Buffer.alloc(0), "vide.xml")).message).toBe("fichier vide");
  });

  it("sanitises scripts, event handlers and javascript: links in imported HTML", () => {
    const kind = findSourceKind("an-amendements")!;
    const spec = amendmentSpec({
      dispositif:
        '<p onclick="x()">Texte<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">lien</a><iframe src="//evil"></iframe></p>',
    });
    const [record] = kind.parse("a.json", Buffer.from(JSON.stringify(anAmendmentJson(spec))))!.amendments;
    expect(record!.dispositifHtml).toBe('<p>Texte<a rel="noopener nofollow">lien</a></p>');
    expect(record!.dispositifText).toBe("Texte lien".replace(" ", ""));
  });
});

describe("hostile archives and sizes", () => {
  let database: TestDatabase;
  afterEach(async () => {
    await database?.dispose();
  });
  const run = (location: string) => runImport(database, { kind: findSourceKind("an-amendements")!, location, cacheDir: tempDir() });

  it("refuses a zip bomb entry and imports the rest", async () => {
    database = await createTestDatabase("sqlite");
    const good = anAmendmentJson(amendmentSpec({ number: 1 }));
    const bomb = Buffer.alloc(40 * 1024 * 1024, 0x20);
    const zip = await writeZip([
      ["json/DLR5L17N1/PIONANR5L17B0907/AM1.json", JSON.stringify(good)],
      ["json/DLR5L17N1/PIONANR5L17B0907/bombe.json", bomb],
    ]);
    const summary = await run(zip);
    expect(summary.counts).toMatchObject({ created: 1, failed: 1 });
    expect(summary.problems[0]).toMatchObject({
      file: expect.stringContaining("bombe.json"),
      message: expect.stringContaining("bombe zip"),
    });
  });

  it("imports a record with a 10 MB exposé, and refuses a file beyond the size limit", async () => {
    database = await createTestDatabase("sqlite");
    const dir = tempDir();
    const huge = `<p>${"surveillance ".repeat(800_000)}</p>`;
    writeFileSync(path.join(dir, "grand.json"), JSON.stringify(anAmendmentJson(amendmentSpec({ number: 2, expose: huge }))));
    const started = Date.now();
    const summary = await run(dir);
    expect(summary.counts).toMatchObject({ created: 1, failed: 0 });
    expect(Date.now() - started).toBeLessThan(30_000);
    const row = await database.db.selectFrom("amendments").select("expose_text").executeTakeFirstOrThrow();
    expect(row.expose_text!.length).toBeGreaterThan(9_000_000);
    const beyond = tempDir();
    writeFileSync(path.join(beyond, "énorme.json"), Buffer.alloc(65 * 1024 * 1024, 0x20));
    const refused = await run(beyond);
    expect(refused.problems[0]).toMatchObject({
      file: expect.stringContaining("énorme.json"),
      message: expect.stringContaining("trop volumineux"),
    });
    expect(await database.db.selectFrom("amendments").select("uid").execute()).toHaveLength(1);
  });
});
