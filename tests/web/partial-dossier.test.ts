/**
 * Amendments imported before their dossier (the usual first step) still give a bill page built
 * from what they say, marked partial, with the command that completes it; the list of bills shows
 * it. On the demo's AN amendments alone (SQLite and PostgreSQL), and on the 1,636 real Narcotrafic
 * amendments when ../shared/fixtures is present.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { runImport } from "../../src/importer/run-import.js";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { projectRoot } from "../../src/project-root.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { hasRealNarcotrafic, realNarcotraficDatabase } from "../helpers/real-narcotrafic.js";
import { tempDir } from "../helpers/fixtures.js";

const amendmentsKind = findSourceKind("an-amendements")!;

/** The visible text of a page, tags removed. */
const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`a bill known by its amendments only, ${dialect}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      const run = await runImport(database, {
        kind: amendmentsKind,
        location: path.join(projectRoot(), "demo/an/amendements"),
        cacheDir: tempDir(),
      });
      expect(run.status).toBe("ok");
    });
    afterAll(async () => {
      await database?.dispose();
    });

    it("is listed on the home page and in the list of bills, named by its texts and marked partial", async () => {
      const app = createApp(database);
      for (const page of ["/", "/dossiers"]) {
        const html = await (await app.request(page)).text();
        expect(html, page).not.toContain("Aucun texte importé");
        expect(html, page).toContain('<a href="/dossiers/DLR5L17N99901">Textes n° 9907 et 9943 (dossier incomplet)</a>');
        expect(html, page).toContain("connu par ses amendements");
      }
    });

    it("has a page with its texts, its articles and their amendments' outcomes, and the command that completes it", async () => {
      const response = await createApp(database).request("/dossiers/DLR5L17N99901");
      expect(response.status).toBe(200);
      const text = textOf(await response.text());
      expect(text).toContain("Ce texte n'est connu que par ses amendements");
      expect(text).toContain("navette suivre https://www.assemblee-nationale.fr/dyn/17/dossiers/DLR5L17N99901");
      expect(text).toMatch(/Texte n° 9907 \(Assemblée, commission\) : \d+ amendements, dont \d+ adoptés?/);
      expect(text).toMatch(/Article 8 ter — \d+ amendements CL12 Adopté CL13 Adopté CL14 Tombé/);
      expect(text).not.toMatch(/\bAMANR5|PIONANR5/); // numbers, not uids
      expect((await createApp(database).request("/dossiers/DLR5L17N00000")).status).toBe(404);
    });
  });
}

const hasReal = hasRealNarcotrafic();

describe.skipIf(!hasReal)("the Narcotrafic bill from its 1,636 real amendments only (sqlite)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await realNarcotraficDatabase();
  }, 120_000);
  afterAll(async () => {
    await database?.dispose();
  });

  it("gives /dossiers/DLR5L17N50169 a partial page: every amendment under its article, 8 ter among them", async () => {
    const app = createApp(database);
    const home = await (await app.request("/")).text();
    expect(home).toContain('href="/dossiers/DLR5L17N50169"');
    expect(home).toMatch(/1\s636 amendements/u);
    const html = await (await app.request("/dossiers/DLR5L17N50169")).text();
    expect(html.match(/href="\/amendements\/AMANR5L17/g)).toHaveLength(1636);
    const text = textOf(html);
    expect(text).toMatch(/1\s636 amendements/u);
    expect(text).toMatch(/Article 8 ter — \d+ amendements/);
    expect(text).toContain("Ce texte n'est connu que par ses amendements");
  });
});
