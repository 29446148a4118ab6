/**
 * Budget amendments end to end: imported from the AN format, shown as a credit table (programme,
 * AE, CP, signs, balance), found by search, on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { runImport } from "../../src/importer/run-import.js";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { searchDocuments } from "../../db/store/search.js";
import { amendmentUid, type AmendmentSpec } from "../../scripts/an-format.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { amendmentSpec, tempDir, writeAmendmentFolder } from "../helpers/fixtures.js";

const budget: AmendmentSpec = amendmentSpec({
  number: 1463,
  text: "PRJLANR5L17B0324",
  division: { title: "État B", short: "ÉTAT B", type: "ANNEXE" },
  dispositif: undefined,
  expose: "<p>Donner à la CNCTR les moyens de contrôler les techniques de renseignement.</p>",
  credits: {
    mission: { code: "DA", label: "Direction de l'action du Gouvernement", ref: "2871" },
    programmes: [
      { label: "Protection des droits et libertés", ref: "518932", ae: 2_000_000, cp: 1_500_000 },
      { label: "Coordination du travail gouvernemental", ref: "518931", ae: -2_000_000, cp: -1_500_000 },
    ],
  },
});

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`budget amendment on ${dialect}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      const folder = writeAmendmentFolder([budget], tempDir(), "DLR5L17N51000");
      const summary = await runImport(database, { kind: findSourceKind("an-amendements")!, location: folder, cacheDir: tempDir() });
      expect(summary.status).toBe("ok");
    });
    afterAll(async () => {
      await database?.dispose();
    });

    it("shows the credit table with signed amounts and the balance, and no internal path", async () => {
      const html = await (await createApp(database).request(`/amendements/${amendmentUid(budget)}`)).text();
      const table = /<table class="credits">[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
      expect(table).toContain("mission « Direction de l&#39;action du Gouvernement »");
      const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, "|").replace(/\|+/g, "|"));
      expect(rows).toEqual([
        "|Programme|Autorisations d&#39;engagement|Crédits de paiement|",
        "|Protection des droits et libertés|+2 000 000 €|+1 500 000 €|",
        "|Coordination du travail gouvernemental|−2 000 000 €|−1 500 000 €|",
        "|Solde|0 €|0 €|",
      ]);
      expect(table).toMatch(/class="amount minus"/);
      expect(html).not.toContain("Non publié");
      // A committee amendment whose committee this import does not know (no AMO data): no address
      // rather than a wrong one; the source file's path is not the reader's business.
      expect(html).not.toContain("Voir l&#39;amendement sur le site");
      expect(html).not.toMatch(/Fichier d&#39;origine|\.json</);
    });

    it("is found by the programmes it moves credits to", async () => {
      const hits = await searchDocuments(database.db, dialect, "protection droits libertés");
      expect(hits.map((h) => h.ref)).toEqual([amendmentUid(budget)]);
    });
  });
}
