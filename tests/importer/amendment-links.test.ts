/**
 * Amendments on the provision they amended, on a renumbered bill (#16): after promulgation the
 * law's « article 1er » is the navette's « 1er A », and its « article 2 » the navette's « 1er ».
 * Each amendment must appear on its own provision on every page and feed, never on another one
 * that bore the same number at another step. Real importers, real databases.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { runImport } from "../../src/importer/run-import.js";
import { storeDossiers } from "../../db/store/dossiers.js";
import { getProvision, getProvisionMatrix, getAmendment } from "../../src/web/queries.js";
import { feedEvents } from "../../src/web/feeds.js";
import { createApp } from "../../src/web/app.js";
import { renderAnDynHtml, type BillItem } from "../../scripts/text-formats.js";
import type { DossierRecord, DossierStep } from "../../src/domain/dossier.js";
import { amendmentUid } from "../../scripts/an-format.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { amendmentSpec, tempDir, writeAmendmentFolder } from "../helpers/fixtures.js";
import { countsAndRecount } from "../helpers/amendment-counts.js";

const DOSSIER = "DLR5L17N71000";
const TEXTS = { depot: "PIONANR5L17B7101", commission: "PIONANR5L17BTC7102", law: "PIONANR5L17BTA7103" };

function step(code: string, stage: DossierStep["stage"], place: DossierStep["place"], textUid: string, date: string): DossierStep {
  return {
    code,
    place,
    reading: stage === "promulgation" ? "promulgation" : "1re_lecture",
    stage,
    date,
    textUid,
    textRole: null,
    outcome: null,
    succeeded: true,
    details: {},
  };
}

const article = (number: string, words: string): BillItem => ({
  article: `Article ${number}`,
  alineas: [
    `Le code de la sécurité intérieure est ainsi modifié : ${words}.`,
    `Les dispositions relatives à ${words} entrent en vigueur le 1er janvier 2026.`,
  ],
});
const FIRST_A = "la conservation des images des caméras piétons pendant trente jours";
const FIRST = "la transmission des données de connexion aux services de renseignement";
const SECOND = "le contrôle de la commission nationale sur les techniques mises en œuvre";

function bill(uid: string, role: "depose" | "commission" | "adopte", number: number, items: BillItem[]): string {
  return renderAnDynHtml({
    title: "Projet de loi de démonstration renumérotée",
    nature: "pjl",
    number,
    legislature: 17,
    session: 2024,
    role,
    items,
  });
}

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`amendments on their provision, renumbered bill, ${dialect}`, () => {
    let database: TestDatabase;
    const uids = {
      onFirstAtDeposit: amendmentUid(amendmentSpec({ text: TEXTS.depot, number: 1 })),
      onFirstInCommittee: amendmentUid(amendmentSpec({ text: TEXTS.commission, number: 2, prefix: "", organ: "PO838901" })),
      onFirstAInCommittee: amendmentUid(amendmentSpec({ text: TEXTS.commission, number: 3, prefix: "", organ: "PO838901" })),
    };
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      const dossier: DossierRecord = {
        uid: DOSSIER,
        legislature: "17",
        title: "Projet de loi de démonstration renumérotée",
        slug: null,
        procedure: "Projet de loi ordinaire",
        senatSignet: null,
        senatUrl: null,
        steps: [
          step("AN1-DEPOT", "depot", "AN", TEXTS.depot, "2025-01-10"),
          step("AN1-COM-FOND-RAPPORT", "commission", "AN", TEXTS.commission, "2025-02-10"),
          step("PROM-PUB", "promulgation", "PR", TEXTS.law, "2025-04-10"),
        ],
      };
      await storeDossiers(database.db, [dossier], { runId: null, sourceFile: null });
      const dir = tempDir();
      const texts: Array<[string, string]> = [
        [TEXTS.depot, bill(TEXTS.depot, "depose", 7101, [article("1er", FIRST), article("2", SECOND)])],
        [
          TEXTS.commission,
          bill(TEXTS.commission, "commission", 7102, [
            { ...article("1er A", FIRST_A), headingMarker: "(nouveau)" },
            article("1er", FIRST),
            article("2", SECOND),
          ]),
        ],
        [TEXTS.law, bill(TEXTS.law, "adopte", 7103, [article("1er", FIRST_A), article("2", FIRST), article("3", SECOND)])],
      ];
      for (const [uid, html] of texts) {
        const file = path.join(dir, `${uid}.html`);
        writeFileSync(file, html);
        await runImport(database, { kind: findSourceKind("an-texte")!, location: file, cacheDir: dir });
      }
      const division = (n: string) => ({ title: `Article ${n}`, short: `ART. ${n.toUpperCase()}` });
      const folder = writeAmendmentFolder(
        [
          amendmentSpec({ text: TEXTS.depot, number: 1, division: division("1er") }),
          amendmentSpec({ text: TEXTS.commission, number: 2, prefix: "", organ: "PO838901", division: division("1er") }),
          amendmentSpec({ text: TEXTS.commission, number: 3, prefix: "", organ: "PO838901", division: division("1er A") }),
        ],
        tempDir(),
        DOSSIER,
      );
      await runImport(database, { kind: findSourceKind("an-amendements")!, location: folder, cacheDir: dir });
    });
    afterAll(async () => {
      await database?.dispose();
    });

    /** The provision ids of the bill by their number in the law. */
    const byLawNumber = async () => {
      const matrix = await getProvisionMatrix(database.db, DOSSIER);
      return new Map(matrix.provisions.map((p) => [p.lawNumber ?? p.lastNumber, p]));
    };

    it("has renumbered the bill as the law prints it", async () => {
      const provisions = await byLawNumber();
      expect([...provisions.keys()].sort()).toEqual(["1er", "2", "3"]);
      expect(provisions.get("1er")?.firstNumber).toBe("1er A");
      expect(provisions.get("2")?.firstNumber).toBe("1er");
      // Named by their navette number everywhere, the law's number beside it.
      expect(provisions.get("2")?.lastNumber).toBe("1er");
    });

    it("shows, counts, links and feeds each amendment on its own provision only", async () => {
      const provisions = await byLawNumber();
      const lawFirst = provisions.get("1er")!; // the navette's 1er A
      const lawSecond = provisions.get("2")!; // the navette's 1er
      const onPage = async (id: string) => (await getProvision(database.db, DOSSIER, id))!.amendments.map((a) => a.uid).sort();
      expect(await onPage(lawSecond.id)).toEqual([uids.onFirstAtDeposit, uids.onFirstInCommittee].sort());
      expect(await onPage(lawFirst.id)).toEqual([uids.onFirstAInCommittee]);
      expect(lawSecond.amendments).toBe(2);
      expect(lawFirst.amendments).toBe(1);
      expect((await getAmendment(database.db, uids.onFirstAtDeposit))?.provisionId).toBe(lawSecond.id);
      expect((await getAmendment(database.db, uids.onFirstAInCommittee))?.provisionId).toBe(lawFirst.id);
      const fed = async (id: string) =>
        (await feedEvents(database.db, { kind: "provision", dossierUid: DOSSIER, provisionId: id }))
          .filter((e) => e.subject_type === "amendment")
          .map((e) => e.subject_id)
          .sort();
      expect(await fed(lawSecond.id)).toEqual([uids.onFirstAtDeposit, uids.onFirstInCommittee].sort());
      expect(await fed(lawFirst.id)).toEqual([uids.onFirstAInCommittee]);
      const counts = await countsAndRecount(database.db);
      expect(counts.stored).toEqual(counts.recount);
    });

    it("renders the article pages and the matrix from the stored link", async () => {
      const app = createApp(database);
      const provisions = await byLawNumber();
      const page = await (await app.request(`/dossiers/${DOSSIER}/articles/${encodeURIComponent(provisions.get("1er")!.id)}`)).text();
      expect(page).toContain(uids.onFirstAInCommittee);
      expect(page).not.toContain(uids.onFirstAtDeposit);
      expect(page).not.toContain(uids.onFirstInCommittee);
    });
  });
}
