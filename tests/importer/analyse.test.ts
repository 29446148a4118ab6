/**
 * The navette analysis stored in real databases, on the demo data: statuses, causes, events,
 * idempotence.
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/importer/demo.js";
import { analyseDossier, analysableDossiers } from "../../src/importer/analyse.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { DEMO_COMMITTEE_ARTICLES } from "../helpers/fixtures.js";

const DOSSIER = "DLR5L17N99901";
const COMMITTEE = "AN1-COM-FOND-RAPPORT#1";

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`navette analysis on ${dialect}`, () => {
    let database: TestDatabase;
    afterEach(async () => {
      await database?.dispose();
    });

    it("is run by the imports, explains statuses by amendments, and changes nothing when re-run", async () => {
      database = await createTestDatabase(dialect);
      await loadDemo(database);
      expect(await analysableDossiers(database.db)).toEqual([DOSSIER]);
      const states = await database.db
        .selectFrom("provision_states")
        .select(["provision_id", "status", "causes", "number", "closed"])
        .where("dossier_uid", "=", DOSSIER)
        .where("step_key", "=", COMMITTEE)
        .execute();
      const byNumber = new Map(states.map((s) => [s.number, s]));
      expect(byNumber.get("8 ter")).toMatchObject({
        status: "deleted",
        causes: JSON.stringify(["AMANR5L17PO59051B9907P0D1N000012", "AMANR5L17PO59051B9907P0D1N000013"]),
      });
      expect(byNumber.get("15 ter")).toMatchObject({ status: "deleted", causes: JSON.stringify(["AMANR5L17PO59051B9907P0D1N000021"]) });
      expect(byNumber.get("8")).toMatchObject({ status: "modified", causes: JSON.stringify(["AMANR5L17PO59051B9907P0D1N000020"]) });
      expect(byNumber.get("8 bis")).toMatchObject({ status: "new" });
      expect(byNumber.get("21")).toMatchObject({ status: "conforme", closed: 1 });
      const provisions = await database.db
        .selectFrom("provisions")
        .select(["first_number", "last_status"])
        .where("dossier_uid", "=", DOSSIER)
        .orderBy("position")
        .execute();
      expect(provisions.map((p) => p.first_number)).toEqual(DEMO_COMMITTEE_ARTICLES);

      const events = await database.db
        .selectFrom("events")
        .select(["kind", "subject_id", "payload"])
        .where("kind", "=", "provision.status")
        .orderBy("id")
        .execute();
      const backdoor = events.find((e) => e.subject_id === `${DOSSIER}/8 ter@SN1-DEPOT#1`)!;
      expect(JSON.parse(backdoor.payload)).toMatchObject({ step: COMMITTEE, status: "deleted", previous: null });
      const before = events.length;
      expect(await analyseDossier(database.db, DOSSIER)).toMatchObject({ changedStates: 0, events: 0 });
      expect(await loadDemo(database)).toSatisfy((s: Array<{ counts: { created: number; changed: number } }>) =>
        s.every((x) => x.counts.created === 0 && x.counts.changed === 0),
      );
      const after = await database.db.selectFrom("events").select("id").where("kind", "=", "provision.status").execute();
      expect(after).toHaveLength(before);
    });
  });
}
