/**
 * Page queries whose cost must not grow with the number of bills or events: counted at the
 * Kysely level on a real SQLite database with the demo bill copied 30 times.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KyselyPlugin } from "kysely";
import { loadDemo } from "../../src/importer/demo.js";
import { getDossierThemes, getTaggedProvisionsByDossier } from "../../src/web/queries.js";
import { feedEvents, statusDiffExtracts } from "../../src/web/feeds.js";
import { createTestDatabase, type TestDatabase } from "../helpers/databases.js";

const DEMO = "DLR5L17N99901";
const COPIES = Array.from({ length: 30 }, (_, i) => `DLRCOPIE${i + 1}`);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("sqlite");
  await loadDemo(database);
  const provisions = await database.db.selectFrom("provisions").selectAll().where("dossier_uid", "=", DEMO).execute();
  const tags = await database.db
    .selectFrom("tags")
    .selectAll()
    .where("dossier_uid", "=", DEMO)
    .where("subject_type", "=", "provision")
    .execute();
  for (const uid of COPIES) {
    await database.db
      .insertInto("provisions")
      .values(provisions.map((p) => ({ ...p, dossier_uid: uid })))
      .execute();
    await database.db
      .insertInto("tags")
      .values(tags.map((t) => ({ ...t, dossier_uid: uid })))
      .execute();
  }
});
afterAll(async () => {
  await database?.dispose();
});

/** Runs `work` on a database handle that counts the queries it sends. */
async function countQueries<T>(work: (db: TestDatabase["db"]) => Promise<T>): Promise<{ queries: number; result: T }> {
  let queries = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      queries++;
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  const result = await work(database.db.withPlugin(counter));
  return { queries, result };
}

describe("query counts", () => {
  it("finds the tagged articles of 31 bills in as many queries as for one, with the same answer per bill", async () => {
    const one = await countQueries((db) => getTaggedProvisionsByDossier(db, [DEMO]));
    const all = await countQueries((db) => getTaggedProvisionsByDossier(db, [DEMO, ...COPIES]));
    expect(all.queries).toBe(one.queries);
    expect(all.result.size).toBe(31);
    const demoThemes = await getDossierThemes(database.db, DEMO);
    const expected = one.result.get(DEMO)!;
    expect(expected.length).toBe([...demoThemes.values()].filter((t) => t.length > 0).length);
    // The same articles, numbers, themes and statuses (each copy has its own change history).
    const essentials = (list: typeof expected | undefined) =>
      list?.map(({ id, number, themes, status }) => ({ id, number, themes, status }));
    for (const uid of COPIES) expect(essentials(all.result.get(uid))).toEqual(essentials(expected));
  });

  it("builds the diff extracts of a feed in one query, whatever the number of articles", async () => {
    const events = await feedEvents(database.db, { kind: "dossier", dossierUid: DEMO });
    const statusEvents = events.filter((e) => e.kind === "provision.status");
    expect(new Set(statusEvents.map((e) => e.subject_id)).size).toBeGreaterThan(5);
    const { queries, result } = await countQueries((db) => statusDiffExtracts(db, events));
    expect(queries).toBe(1);
    expect(result.size).toBeGreaterThan(0);
  });
});
