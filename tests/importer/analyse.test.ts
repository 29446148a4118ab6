/**
 * The navette analysis stored in real databases, on the demo data: statuses, causes, events,
 * idempotence.
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/importer/demo.js";
import { analyseDossier, analysableDossiers } from "../../src/importer/analyse.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { DEMO_ARTICLE_NUMBERS } from "../../scripts/demo-navette.js";

const DOSSIER = "DLR5L17N99901";
const COMMITTEE = "AN1-COM-FOND-RAPPORT#1";

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`navette analysis on ${dialect}`, () => {
    let database: TestDatabase;
    afterEach(async () => {
      await database?.dispose();
    });

    it("is run by the imports, tells the demo's navette step by step with its causes, and changes nothing when re-run", async () => {
      database = await createTestDatabase(dialect);
      await loadDemo(database);
      expect(await analysableDossiers(database.db)).toEqual([DOSSIER]);
      const statesAt = async (step: string) => {
        const states = await database.db
          .selectFrom("provision_states")
          .select(["provision_id", "status", "causes", "number", "closed"])
          .where("dossier_uid", "=", DOSSIER)
          .where("step_key", "=", step)
          .execute();
        return new Map(states.map((s) => [s.number, s]));
      };
      const amendment = (n: string) => `AMANR5L17PO59051B9907P0D1N0000${n}`;
      const seance = (n: string) => `AMANR5L17PO838901BTC9943P0D1N000${n}`;
      // The backdoor is added by the Sénat committee.
      expect((await statesAt("SN1-COM-FOND-RAPPORT#1")).get("8 ter")).toMatchObject({ status: "new" });
      expect((await statesAt("SN1-DEBATS-DEC#1")).get("15 ter")).toMatchObject({ status: "new" });
      const committee = await statesAt(COMMITTEE);
      expect(committee.get("8 ter")).toMatchObject({ status: "deleted", causes: JSON.stringify([amendment("12"), amendment("13")]) });
      expect(committee.get("15 ter")).toMatchObject({ status: "deleted", causes: JSON.stringify([amendment("21")]) });
      expect(committee.get("8")).toMatchObject({ status: "modified", causes: JSON.stringify([amendment("20")]) });
      expect(committee.get("8 bis")).toMatchObject({ status: "new", causes: JSON.stringify([amendment("22")]) });
      expect(committee.get("16")).toMatchObject({ status: "modified", causes: JSON.stringify([amendment("23")]) });
      const adopted = await statesAt("AN1-DEBATS-DEC#1");
      expect(adopted.get("15 ter")).toMatchObject({ status: "re_established", causes: JSON.stringify([seance("120")]) });
      expect(adopted.get("9 bis")).toMatchObject({ status: "new", causes: JSON.stringify([seance("130")]) });
      expect(adopted.get("8 ter")?.status).not.toBe("re_established");
      expect(adopted.get("21")).toMatchObject({ status: "conforme", closed: 1 });
      expect((await statesAt("CMP-COM-RAPPORT-AN#1")).get("8 bis")).toMatchObject({ status: "deleted" });
      const decision = await statesAt("CC-CONCLUSION#1");
      expect(decision.get("9 bis")).toMatchObject({ status: "censured" });
      expect(decision.get("15 ter")).toMatchObject({ status: "partly_censured" });
      expect(decision.get("16")).toMatchObject({ status: "unchanged" });
      // The law renumbers: 9 bis keeps its number (10) as censured, 15 ter becomes 18.
      const law = await statesAt("PROM-PUB#1");
      expect(law.get("10")).toMatchObject({ provision_id: "9 bis@AN1-DEBATS-DEC#1", status: "absent" });
      expect(law.get("18")).toMatchObject({ provision_id: "15 ter@SN1-DEBATS-DEC#1", status: "renumbered" });
      expect(law.get("8")).toMatchObject({ provision_id: "8@SN1-DEPOT#1", status: "unchanged" });
      expect(law.get("28")).toMatchObject({ provision_id: "25@SN1-DEPOT#1", status: "renumbered" });
      const provisions = await database.db
        .selectFrom("provisions")
        .select(["first_number", "last_status"])
        .where("dossier_uid", "=", DOSSIER)
        .orderBy("position")
        .execute();
      expect(provisions.map((p) => p.first_number)).toEqual(DEMO_ARTICLE_NUMBERS);
      const now = new Map(provisions.map((p) => [p.first_number, p.last_status]));
      expect([now.get("8 ter"), now.get("9 bis"), now.get("15 ter"), now.get("1er")]).toEqual([
        "deleted",
        "censured",
        "partly_censured",
        "conforme",
      ]);

      const events = await database.db
        .selectFrom("events")
        .select(["kind", "subject_id", "payload"])
        .where("kind", "=", "provision.status")
        .orderBy("id")
        .execute();
      const backdoor = events
        .filter((e) => e.subject_id === `${DOSSIER}/8 ter@SN1-COM-FOND-RAPPORT#1`)
        .map((e) => JSON.parse(e.payload) as unknown);
      expect(backdoor).toContainEqual(expect.objectContaining({ step: COMMITTEE, status: "deleted" }));
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
