/**
 * Importing text versions into real databases: storage, idempotence, events, identification.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { runImport } from "../../src/importer/run-import.js";
import { REFERENCE_COMMITTEE_TEXT } from "../../scripts/reference-texts.js";
import { renderAkn, renderAnDynHtml, renderAnOldHtml } from "../../scripts/text-formats.js";
import { anDossierJson } from "../../scripts/an-format.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { REFERENCE_COMMITTEE_ARTICLES, tempDir } from "../helpers/fixtures.js";

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`text import on ${dialect}`, () => {
    let database: TestDatabase;
    afterEach(async () => {
      await database?.dispose();
    });
    const run = (kind: string, location: string, textUid?: string) =>
      runImport(database, { kind: findSourceKind(kind)!, location, cacheDir: tempDir(), ...(textUid ? { textUid } : {}) });

    it("stores a text version, re-imports it without writing, and tells a revision by one event", async () => {
      database = await createTestDatabase(dialect);
      const dir = tempDir();
      const file = path.join(dir, "PIONANR5L17BTC9943.html");
      writeFileSync(file, renderAnDynHtml(REFERENCE_COMMITTEE_TEXT));
      expect((await run("an-texte", file)).counts).toMatchObject({ created: 1, failed: 0 });
      const articles = await database.db
        .selectFrom("text_articles")
        .selectAll()
        .where("text_uid", "=", "PIONANR5L17BTC9943")
        .orderBy("position")
        .execute();
      expect(articles.map((a) => a.number)).toEqual(REFERENCE_COMMITTEE_ARTICLES);
      expect((JSON.parse(articles[2]!.alineas) as unknown[])[2]).toMatchObject({
        number: 3,
        text: "II et III. – (Non modifiés)",
        placeholder: { parts: ["II", "III"] },
      });
      expect(articles[4]).toMatchObject({ status: "supprime", markers: '["supprime"]' });
      const divisions = await database.db
        .selectFrom("text_divisions")
        .select(["division_id", "kind", "parent_id"])
        .where("text_uid", "=", "PIONANR5L17BTC9943")
        .orderBy("position")
        .execute();
      expect(divisions).toHaveLength(4);

      expect((await run("an-texte", file)).counts).toMatchObject({ created: 0, changed: 0, unchanged: 1 });
      const revised = {
        ...REFERENCE_COMMITTEE_TEXT,
        items: REFERENCE_COMMITTEE_TEXT.items.map((i) =>
          "article" in i && i.article === "Article 8 bis" ? { ...i, alineas: ["Texte revu."] } : i,
        ),
      };
      writeFileSync(file, renderAnDynHtml(revised));
      expect((await run("an-texte", file)).counts).toMatchObject({ changed: 1 });
      const events = await database.db
        .selectFrom("events")
        .select(["kind", "subject_id"])
        .where("subject_type", "=", "text")
        .orderBy("id")
        .execute();
      expect(events).toEqual([
        { kind: "text.published", subject_id: "PIONANR5L17BTC9943" },
        { kind: "text.revised", subject_id: "PIONANR5L17BTC9943" },
      ]);
      const stored = await database.db
        .selectFrom("text_articles")
        .select("alineas")
        .where("text_uid", "=", "PIONANR5L17BTC9943")
        .where("number", "=", "8 bis")
        .executeTakeFirstOrThrow();
      expect(JSON.parse(stored.alineas)).toEqual([{ number: 1, text: "Texte revu." }]);
    });

    it("links a text to the dossier step that names it, from its cover page alone", async () => {
      database = await createTestDatabase(dialect);
      const dir = tempDir();
      const dossierFile = path.join(dir, "dossier.json");
      writeFileSync(
        dossierFile,
        JSON.stringify(
          anDossierJson({
            uid: "DLR5L17N99901",
            legislature: "17",
            title: "Démo",
            slug: "demo",
            procedure: "Proposition de loi ordinaire",
            acts: [
              {
                code: "AN1",
                children: [
                  {
                    code: "AN1-COM",
                    children: [
                      {
                        code: "AN1-COM-FOND",
                        children: [{ code: "AN1-COM-FOND-RAPPORT", date: "2025-03-08", texteAdopte: "PIONANR5L17BTC9943" }],
                      },
                    ],
                  },
                ],
              },
            ],
          }),
        ),
      );
      await run("an-dossiers", dossierFile);
      const page = path.join(dir, "texte-sans-nom.html");
      writeFileSync(page, Buffer.from(renderAnOldHtml(REFERENCE_COMMITTEE_TEXT), "latin1"));
      const summary = await run("an-texte", page);
      expect(summary.counts).toMatchObject({ created: 1, failed: 0 });
      const text = await database.db.selectFrom("texts").selectAll().where("uid", "=", "PIONANR5L17BTC9943").executeTakeFirstOrThrow();
      expect(text).toMatchObject({ dossier_uid: "DLR5L17N99901", format: "an-html", kind: "commission" });
    });

    it("asks for --texte when nothing tells which text it is, and honours it", async () => {
      database = await createTestDatabase(dialect);
      const page = path.join(tempDir(), "page.html");
      writeFileSync(page, "<html><body><p style='text-align:center'><b>Article 1er</b></p><p>Texte.</p></body></html>");
      const unknown = await run("an-texte", page);
      expect(unknown.status).toBe("partial");
      expect(unknown.problems[0]?.message).toContain("précisez --texte");
      const named = await run("an-texte", page, "PIONANR5L17B0001");
      expect(named.counts).toMatchObject({ created: 1 });
    });

    it("reads an AKN file and stores its annex apart", async () => {
      database = await createTestDatabase(dialect);
      const file = path.join(tempDir(), "ppl24-999.akn.xml");
      writeFileSync(file, renderAkn(REFERENCE_COMMITTEE_TEXT, { signet: "ppl24-999" }));
      expect((await run("senat-texte", file)).counts).toMatchObject({ created: 1 });
      const annexes = await database.db
        .selectFrom("text_annexes")
        .select(["title", "alineas"])
        .where("text_uid", "=", "SENAT-ppl24-999")
        .execute();
      expect(annexes.map((a) => [a.title, (JSON.parse(a.alineas) as unknown[]).length])).toEqual([
        ["Rapport sur les moyens des services de renseignement", 2],
      ]);
    });

    it("reports a page that is neither HTML nor AKN, and malformed AKN, by file", async () => {
      database = await createTestDatabase(dialect);
      const dir = tempDir();
      writeFileSync(path.join(dir, "vide.xml"), "");
      writeFileSync(path.join(dir, "cassé.akn.xml"), "<akomaNtoso><bill><body>");
      const summary = await run("senat-texte", dir);
      expect(summary.problems.map((p) => [p.file, p.message.slice(0, 22)])).toEqual([
        ["cassé.akn.xml", "XML mal formé (ligne 1"],
        ["vide.xml", "ni page HTML ni docume"],
      ]);
    });
  });
}
