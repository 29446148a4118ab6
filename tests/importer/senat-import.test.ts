/**
 * Importing Sénat amendments into real databases: jeu complet, then dérouleur, idempotence,
 * bad rows, and the discussion order surviving a later CSV update.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { runImport } from "../../src/importer/run-import.js";
import { renderDerouleur, renderJeuComplet, type JeuCompletRow } from "../../scripts/senat-format.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { tempDir } from "../helpers/fixtures.js";
import { countsAndRecount } from "../helpers/amendment-counts.js";
import { storeDossierSources } from "../../db/store/dossiers.js";
import { readDataVersion } from "../../db/store/data-version.js";
import type { DossierRecord, DossierStep } from "../../src/domain/dossier.js";

const rows: JeuCompletRow[] = [
  {
    numero: "1 rect. bis",
    subdivision: "Article 8\u00a0ter",
    auteur: "M. DUPONT",
    date: "2025-01-20",
    dispositif: "<p>Supprimer cet article.</p>",
    objet: "<p>Le chiffrement doit être protégé.</p>",
    sort: "",
  },
  {
    numero: "2",
    subdivision: "art. add. après Article 9",
    auteur: "Le Gouvernement",
    date: "2025-01-21",
    dispositif: "<p>Après l'article 9, insérer un article additionnel.</p>",
    objet: "<p>Objet.</p>",
    sort: "",
  },
  {
    nature: "S/Amt",
    numero: "3",
    subdivision: "Article 8\u00a0ter",
    auteur: "Mme MARTIN",
    date: "2025-01-22",
    dispositif: "<p>Amendement n° 1 rect. bis</p><p>Rédiger ainsi.</p>",
    objet: "<p>Objet.</p>",
    sort: "",
  },
];

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`Sénat import on ${dialect}`, () => {
    let database: TestDatabase;
    afterEach(async () => {
      await database?.dispose();
    });
    const run = (kind: string, location: string) => runImport(database, { kind: findSourceKind(kind)!, location, cacheDir: tempDir() });

    it("imports a jeu complet, then the dérouleur, and keeps the order through a new sort", async () => {
      database = await createTestDatabase(dialect);
      const dir = tempDir();
      const csv = path.join(dir, "jeu_complet_2024-2025_250.csv");
      writeFileSync(csv, renderJeuComplet("2024-2025", "250", rows));
      expect((await run("senat-amendements", csv)).counts).toMatchObject({ created: 3, failed: 0 });
      expect((await run("senat-amendements", csv)).counts).toMatchObject({ created: 0, changed: 0, unchanged: 3 });

      const derouleur = path.join(dir, "liste_discussion.json");
      writeFileSync(
        derouleur,
        renderDerouleur("ppl24-250", 3, [
          {
            label: "Article 8 ter",
            amendments: [
              { id: "11", num: "1 rect. bis", sort: "" },
              { id: "13", num: "3", sort: "", parentId: "11" },
            ],
          },
          { label: "Article additionnel après l'article 9", amendments: [{ id: "12", num: "2", sort: "" }] },
        ]),
      );
      const ordered = await run("senat-derouleur", derouleur);
      expect(ordered.counts).toMatchObject({ changed: 3, failed: 0 });
      const order = await database.db
        .selectFrom("amendments")
        .select(["uid", "discussion_order", "parent_uid"])
        .orderBy("discussion_order")
        .execute();
      expect(order).toEqual([
        { uid: "SN-2024-2025-250-1", discussion_order: "000001", parent_uid: null },
        { uid: "SN-2024-2025-250-3", discussion_order: "000002", parent_uid: "SN-2024-2025-250-1" },
        { uid: "SN-2024-2025-250-2", discussion_order: "000003", parent_uid: null },
      ]);

      // The séance decides: the CSV now carries sorts; one event each, and the order stays.
      writeFileSync(
        csv,
        renderJeuComplet(
          "2024-2025",
          "250",
          rows.map((r, i) => ({ ...r, sort: ["Adopté", "Rejeté", "Tombé"][i]! })),
        ),
      );
      expect((await run("senat-amendements", csv)).counts).toMatchObject({ changed: 3 });
      const after = await database.db
        .selectFrom("amendments")
        .select(["uid", "outcome", "discussion_order", "target_article"])
        .orderBy("uid")
        .execute();
      expect(after).toEqual([
        { uid: "SN-2024-2025-250-1", outcome: "adopte", discussion_order: "000001", target_article: "8 ter" },
        { uid: "SN-2024-2025-250-2", outcome: "rejete", discussion_order: "000003", target_article: "9" },
        { uid: "SN-2024-2025-250-3", outcome: "tombe", discussion_order: "000002", target_article: "8 ter" },
      ]);
      const events = await database.db.selectFrom("events").select("kind").where("kind", "=", "amendment.outcome_changed").execute();
      expect(events).toHaveLength(3);
    });

    it("moves the amendment counts with the Sénat amendments when a dossier links them to its step", async () => {
      database = await createTestDatabase(dialect);
      const csv = path.join(tempDir(), "jeu_complet_2024-2025_250.csv");
      writeFileSync(csv, renderJeuComplet("2024-2025", "250", rows));
      await run("senat-amendements", csv);
      const before = await countsAndRecount(database.db);
      expect(before.stored).toEqual(before.recount);
      const step: DossierStep = {
        code: "SN1-COM",
        place: "SN",
        reading: "1re_lecture",
        stage: "commission",
        date: "2025-01-15",
        textUid: "SENAT-ppl24-250",
        textRole: "commission",
        outcome: null,
        succeeded: true,
        details: {},
      };
      const dossier: DossierRecord = {
        uid: "SENAT-ppl24-250",
        legislature: null,
        title: "Proposition de loi de démonstration",
        slug: null,
        procedure: null,
        senatSignet: "ppl24-250",
        senatUrl: null,
        steps: [step],
      };
      const version = await readDataVersion(database.db);
      await storeDossierSources(database.db, [dossier], "senat", { runId: null, sourceFile: null });
      expect(await readDataVersion(database.db)).toBeGreaterThan(version);
      const linked = await database.db.selectFrom("amendments").select("dossier_uid").distinct().execute();
      expect(linked.map((r) => r.dossier_uid)).toEqual(["SENAT-ppl24-250"]);
      const after = await countsAndRecount(database.db);
      expect(after.stored.filter((line) => line.startsWith("SENAT-ppl24-250|dossier|"))).toEqual([expect.stringMatching(/=3$/)]);
      expect(after.stored).toEqual(after.recount);
    });

    it("reports a malformed row and imports the others", async () => {
      database = await createTestDatabase(dialect);
      const csv = path.join(tempDir(), "jeu_complet_2024-2025_251.csv");
      const good = renderJeuComplet("2024-2025", "251", rows.slice(0, 2)).toString("latin1");
      writeFileSync(csv, Buffer.from(good.replace(/\r\n$/, "\r\nAmt\t99\tArticle 1er\r\n"), "latin1"));
      const summary = await run("senat-amendements", csv);
      expect(summary.counts).toMatchObject({ created: 2, failed: 1 });
      expect(summary.problems[0]).toMatchObject({ record: "ligne 5 (n° 99)", message: expect.stringContaining("ligne incomplète") });
    });
  });
}
