/**
 * The amendment writer: a large import's batches are written by a worker thread on a SQLite file
 * (in the importing thread on PostgreSQL), in order, one transaction a batch; a batch that fails
 * is reported by the next hand-over and the batches before it stay stored.
 */
import { afterEach, describe, expect, it } from "vitest";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { runImport } from "../../src/importer/run-import.js";
import { AmendmentWriter } from "../../src/importer/amendment-writer.js";
import { mapAmendment } from "../../ingest/an/amendement.js";
import { anAmendmentJson } from "../../scripts/an-format.js";
import type { AmendmentRecord } from "../../src/domain/amendment.js";
import type { StoreCounts } from "../../db/store/common.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { countsAndRecount } from "../helpers/amendment-counts.js";
import { amendmentSpec, amendmentZipEntries, tempDir, writeZip } from "../helpers/fixtures.js";

const amendmentsKind = findSourceKind("an-amendements")!;

const record = (number: number): AmendmentRecord => mapAmendment(anAmendmentJson(amendmentSpec({ number })).amendement).record;

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`amendment writer on ${dialect}`, () => {
    let database: TestDatabase;
    afterEach(async () => {
      await database?.dispose();
    });

    it("writes a large import's batches in order, in a worker thread on a SQLite file", async () => {
      database = await createTestDatabase(dialect);
      const specs = Array.from({ length: 9 }, (_, i) => amendmentSpec({ number: i + 1 }));
      const zip = await writeZip(amendmentZipEntries(specs));
      const summary = await runImport(database, { kind: amendmentsKind, location: zip, cacheDir: tempDir(), batchSize: 2 });
      expect(summary).toMatchObject({ status: "ok", documents: 9, counts: { created: 9, changed: 0, unchanged: 0, failed: 0 } });
      const events = await database.db.selectFrom("events").select(["subject_id", "run_id"]).orderBy("id").execute();
      expect(events.map((e) => e.subject_id)).toEqual(
        (await database.db.selectFrom("amendments").select("uid").orderBy("created_at").orderBy("uid").execute()).map((r) => r.uid),
      );
      expect(new Set(events.map((e) => e.run_id))).toEqual(new Set([summary.runId]));
      const { stored, recount } = await countsAndRecount(database.db);
      expect(stored).toEqual(recount);
      const run = await database.db
        .selectFrom("import_runs")
        .select("heartbeat_at")
        .where("id", "=", summary.runId)
        .executeTakeFirstOrThrow();
      expect(run.heartbeat_at).not.toBeNull();
      const again = await runImport(database, { kind: amendmentsKind, location: zip, cacheDir: tempDir(), batchSize: 2 });
      expect(again.counts).toMatchObject({ created: 0, changed: 0, unchanged: 9 });
    });

    it("says which writer it uses, and reports a failed batch while keeping the batches before it", async () => {
      database = await createTestDatabase(dialect);
      const counted: StoreCounts[] = [];
      const writer = new AmendmentWriter(database, (c) => counted.push(c));
      const context = { runId: null, sourceFile: "test" };
      await writer.write([record(1), record(2)], context, true);
      expect(writer.threaded).toBe(dialect === "sqlite");
      const broken = { ...record(3), chamber: null } as unknown as AmendmentRecord;
      const failing = writer.write([broken], context, true).then(() => writer.drain());
      await expect(failing).rejects.toThrow(/chamber|null/i);
      await writer.close();
      const stored = await database.db.selectFrom("amendments").select("uid").orderBy("uid").execute();
      expect(stored.map((r) => r.uid)).toEqual([record(1).uid, record(2).uid]);
      expect(counted).toEqual([{ created: 2, changed: 0, unchanged: 0 }]);
    });
  });
}
