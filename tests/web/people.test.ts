/**
 * Names instead of codes: with the AN "AMO" data imported (`navette ingest an-acteurs`), pages,
 * the group filter and feeds show « M. Paul Bernard (RN) » and group names, never `PA…`/`PO…`.
 * On the demo (project files in the AMO layout), SQLite and PostgreSQL; and on the real AMO data
 * with the real Narcotrafic amendments from ../shared/fixtures when present.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { loadDemo } from "../../src/importer/demo.js";
import { runImport } from "../../src/importer/run-import.js";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { readDataVersion } from "../../db/store/data-version.js";
import { projectRoot } from "../../src/project-root.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { tempDir } from "../helpers/fixtures.js";
import { hasSharedFixtures, SHARED_FIXTURES } from "../helpers/shared-fixtures.js";

const people = findSourceKind("an-acteurs")!;

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`names of authors and groups on ${dialect}`, () => {
    let database: TestDatabase;
    let app: ReturnType<typeof createApp>;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      await loadDemo(database);
      app = createApp(database);
    });
    afterAll(async () => {
      await database?.dispose();
    });

    it("shows the author with the group's abbreviation and the group's name on the amendment page", async () => {
      const html = await (await app.request("/amendements/AMANR5L17PO59051B9907P0D1N000014")).text();
      expect(html).toMatch(
        /<dt>Auteur<\/dt>\s*<dd>\s*<a href="https:\/\/www\.assemblee-nationale\.fr\/dyn\/deputes\/PA900020">M\. Paul Bernard \(RN\)<\/a>/,
      );
      // Its official page: a committee amendment, addressed by the committee's abbreviation (AMO data).
      expect(html).toContain('href="https://www.assemblee-nationale.fr/dyn/17/amendements/9907/CION_LOIS/CL14"');
      expect(html).toMatch(/<dt>Groupe<\/dt>\s*<dd>Rassemblement National<\/dd>/);
    });

    it("lists groups by name in the amendment filter of an article, and names authors in its table", async () => {
      const html = await (await app.request("/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231")).text();
      const filter = /<select[^>]*name="groupe"[\s\S]*?<\/select>/.exec(html)?.[0] ?? "";
      expect(filter).toContain("Rassemblement National");
      expect(filter).not.toMatch(/>PO\d+</);
      expect(html).toContain("M. Paul Bernard (RN)");
      expect(html).not.toMatch(/>\s*P[AO]\d{5,}\s*</);
    });

    it("names the author in the feed items of amendments", async () => {
      const feed = await (await app.request("/flux/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231.atom")).text();
      expect(feed).toContain("Par M. Paul Bernard (RN).");
      expect(feed).not.toMatch(/Par P[AO]\d+/);
    });

    it("re-imports the AMO data without writing anything", async () => {
      const before = await readDataVersion(database.db);
      const again = await runImport(database, { kind: people, location: path.join(projectRoot(), "demo/an/acteurs"), cacheDir: tempDir() });
      expect(again.counts).toMatchObject({ created: 0, changed: 0, unchanged: 14, failed: 0 });
      expect(await readDataVersion(database.db)).toBe(before);
    });
  });
}

const hasReal = hasSharedFixtures("an/amo") && hasSharedFixtures("an/narcotrafic-amendements");

describe.skipIf(!hasReal)("names on the real Narcotrafic amendments, real AMO data (sqlite)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    const amo = await runImport(database, { kind: people, location: path.join(SHARED_FIXTURES, "an/amo"), cacheDir: tempDir() });
    expect(amo.status).toBe("ok");
    expect(amo.counts.created).toBeGreaterThan(9000);
    const amendments = await runImport(database, {
      kind: findSourceKind("an-amendements")!,
      location: path.join(SHARED_FIXTURES, "an/narcotrafic-amendements"),
      cacheDir: tempDir(),
    });
    expect(amendments.counts.created).toBe(1636);
  }, 120_000);
  afterAll(async () => {
    await database?.dispose();
  });

  it("names the deputies and their groups on the amendment pages and in the feed", async () => {
    const app = createApp(database);
    const rows = await database.db
      .selectFrom("amendments")
      .innerJoin("actors", "actors.uid", "amendments.author_ref")
      .innerJoin("organs", "organs.uid", "amendments.group_ref")
      .select(["amendments.uid", "actors.last_name", "organs.name", "organs.abbreviation"])
      .orderBy("amendments.uid")
      .execute();
    // Nearly every deputy's amendment finds its author and group in the AMO data.
    const byDeputies = await database.db.selectFrom("amendments").select("uid").where("author_type", "=", "depute").execute();
    expect(rows.length / byDeputies.length).toBeGreaterThan(0.95);
    for (const row of rows.filter((_, i) => i % 400 === 0)) {
      const html = await (await app.request(`/amendements/${row.uid}`)).text();
      expect(html).toContain(`${row.last_name} (${row.abbreviation})`);
      expect(html).toContain(`<dd>${row.name.replace(/&/g, "&amp;").replace(/'/g, "&#39;")}</dd>`);
    }
    const feed = await (await app.request("/flux/tout.atom")).text();
    expect(feed).toMatch(/Par (M\.|Mme) [^<(]+ \((RN|EPR|LFI-NFP|SOC|DR|ECOS|DEM|HOR|LIOT|GDR|UDDPLR|NI)\)\./);
    expect(feed).not.toMatch(/Par P[AO]\d+/);
  });
});
