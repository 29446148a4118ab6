/**
 * Import runs against real databases (SQLite file; PostgreSQL when TEST_DATABASE_URL is set):
 * idempotence, events, errors, zips and folders.
 */
import { readFileSync, truncateSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { NOTHING_TO_IMPORT, runImport } from "../../src/importer/run-import.js";
import { anAmendmentJson, amendmentUid, anDossierJson, type ActSpec } from "../../scripts/an-format.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { countsAndRecount } from "../helpers/amendment-counts.js";
import { amendmentSpec, amendmentZipEntries, dumpPath, tempDir, writeAmendmentFolder, writeZip } from "../helpers/fixtures.js";

const amendmentsKind = findSourceKind("an-amendements")!;
const dossiersKind = findSourceKind("an-dossiers")!;

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`import runs on ${dialect}`, () => {
    let database: TestDatabase;
    afterEach(async () => {
      await database?.dispose();
    });
    const open = async (): Promise<TestDatabase> => (database = await createTestDatabase(dialect));
    const importAmendments = (location: string) => runImport(database, { kind: amendmentsKind, location, cacheDir: tempDir() });
    const events = () => database.db.selectFrom("events").selectAll().orderBy("id").execute();

    it("imports a zipped dump, then re-imports it without any write or event", async () => {
      await open();
      const specs = [amendmentSpec({ number: 1 }), amendmentSpec({ number: 2, sort: "Rejeté", subState: { code: "DI", label: "Rejeté" } })];
      const zip = await writeZip(amendmentZipEntries(specs));
      const first = await importAmendments(zip);
      expect(first).toMatchObject({ status: "ok", documents: 2, counts: { created: 2, changed: 0, unchanged: 0, failed: 0 } });
      const rows = await database.db
        .selectFrom("amendments")
        .select(["uid", "dossier_uid", "outcome", "updated_at", "source_file"])
        .orderBy("uid")
        .execute();
      expect(rows.map((r) => [r.dossier_uid, r.outcome])).toEqual([
        ["DLR5L17N50169", "adopte"],
        ["DLR5L17N50169", "rejete"],
      ]);
      // Each amendment says where its original is: the archive and the entry inside it.
      expect(rows.map((r) => r.source_file)).toEqual(specs.map((spec) => `Amendements.json.zip/${dumpPath(spec)}`));
      expect((await events()).map((e) => e.kind)).toEqual(["amendment.filed", "amendment.filed"]);

      const second = await importAmendments(zip);
      expect(second.counts).toMatchObject({ created: 0, changed: 0, unchanged: 2 });
      expect(await events()).toHaveLength(2);
      const after = await database.db.selectFrom("amendments").select(["uid", "updated_at"]).orderBy("uid").execute();
      expect(after.map((r) => r.updated_at)).toEqual(rows.map((r) => r.updated_at));
    });

    it("records a run that found nothing to import as failed, as the command says", async () => {
      await open();
      const run = await importAmendments(tempDir());
      expect(run.status).toBe("failed");
      expect(run.message).toBe(NOTHING_TO_IMPORT);
      const stored = await database.db
        .selectFrom("import_runs")
        .select(["status", "message"])
        .where("id", "=", run.runId)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ status: "failed", message: NOTHING_TO_IMPORT });
    });

    it("stores an impossible date as unknown, with a warning naming the file and the record, never as another day", async () => {
      await open();
      const specs = [
        amendmentSpec({ number: 1, depositedAt: "9999-99-99", decidedAt: "2025-02-30T10:00:00+01:00" }),
        amendmentSpec({ number: 2, depositedAt: "0000-00-00", decidedAt: "2025-13-01" }),
        amendmentSpec({ number: 3 }),
      ];
      const run = await importAmendments(writeAmendmentFolder(specs));
      expect(run.counts).toMatchObject({ created: 3, failed: 0, warnings: 6 }); // deposit, publication (the same date here) and sort
      const warned = run.problems.map((p) => `${p.file} [${p.record}] ${p.message}`);
      expect(warned).toContain(
        `${dumpPath(specs[0]!)} [${amendmentUid(specs[0]!)}] date de dépôt : date impossible « 9999-99-99 », enregistrée comme inconnue`,
      );
      expect(warned).toContain(
        `${dumpPath(specs[0]!)} [${amendmentUid(specs[0]!)}] date du sort : date impossible « 2025-02-30T10:00:00+01:00 », enregistrée comme inconnue`,
      );
      expect(warned.filter((w) => w.includes(amendmentUid(specs[1]!)))).toHaveLength(3);
      const rows = await database.db.selectFrom("amendments").select(["uid", "deposited_at", "decided_at"]).orderBy("uid").execute();
      expect(rows.map((r) => [r.deposited_at, r.decided_at])).toEqual([
        [null, null],
        [null, null],
        ["2025-02-21", "2025-03-06T00:06:24+01:00"],
      ]);
      // Nothing dated 9999 (or anything but a real day) reaches the events the pages sort by date.
      const dates = (await events()).map((e) => e.occurred_at).filter((d): d is string => d !== null);
      expect(dates.every((d) => /^20\d\d-/.test(d))).toBe(true);
    });

    it("keeps the amendment counts the pages read equal to a recount, through new amendments, sort and article changes", async () => {
      await open();
      const specs = Array.from({ length: 12 }, (_, i) =>
        amendmentSpec({
          number: i + 1,
          text: i % 2 ? "PIONANR5L17B0907" : "PIONANR5L17BTC0950",
          division: { title: `Article ${1 + (i % 3)}`, short: `ART. ${1 + (i % 3)}` },
          ...(i % 4 === 0 ? { sort: "Rejeté", subState: { code: "DI", label: "Rejeté" } } : {}),
        }),
      );
      const folder = writeAmendmentFolder(specs);
      await importAmendments(folder);
      const first = await countsAndRecount(database.db);
      expect(first.stored).toContain("DLR5L17N50169|dossier||adopte=9");
      expect(first.stored).toContain("DLR5L17N50169|dossier||rejete=3");
      expect(first.stored).toEqual(first.recount);
      // Sorts and target articles change; one more amendment arrives.
      const changed = specs.map((spec, i) =>
        i < 5
          ? { ...spec, sort: "Tombé", subState: { code: "DI", label: "Tombé" }, division: { title: "Article 7", short: "ART. 7" } }
          : spec,
      );
      writeAmendmentFolder([...changed, amendmentSpec({ number: 99 })], folder);
      const run = await importAmendments(folder);
      expect(run.counts).toMatchObject({ created: 1, changed: 5 });
      const second = await countsAndRecount(database.db);
      expect(second.stored).toContain("DLR5L17N50169|dossier||tombe=5");
      expect(second.stored.some((row) => row.endsWith("=0"))).toBe(false);
      expect(second.stored).toEqual(second.recount);
    });

    it("emits exactly one event when a sort changes, and one when the text changes", async () => {
      await open();
      const pending = amendmentSpec({
        number: 7,
        state: { code: "AD", label: "A discuter" },
        subState: undefined,
        sort: undefined,
        decidedAt: undefined,
      });
      const folder = writeAmendmentFolder([pending]);
      await importAmendments(folder);
      writeAmendmentFolder(
        [
          {
            ...pending,
            state: { code: "DI", label: "Discuté" },
            subState: { code: "DI", label: "Rejeté" },
            sort: "Rejeté",
            decidedAt: "2025-03-19T18:00:00+01:00",
          },
        ],
        folder,
      );
      const changed = await importAmendments(folder);
      expect(changed.counts).toMatchObject({ created: 0, changed: 1, unchanged: 0 });
      writeAmendmentFolder(
        [
          {
            ...pending,
            state: { code: "DI", label: "Discuté" },
            subState: { code: "DI", label: "Rejeté" },
            sort: "Rejeté",
            decidedAt: "2025-03-19T18:00:00+01:00",
            expose: "<p>Exposé corrigé.</p>",
          },
        ],
        folder,
      );
      await importAmendments(folder);
      await importAmendments(folder);
      const kinds = (await events()).map((e) => [e.kind, JSON.parse(e.payload) as Record<string, unknown>]);
      expect(kinds).toEqual([
        ["amendment.filed", expect.objectContaining({ outcome: "en_cours" })],
        ["amendment.outcome_changed", expect.objectContaining({ from: "en_cours", to: "rejete" })],
        ["amendment.updated", expect.objectContaining({ fields: ["expose_text"] })],
      ]);
      const event = (await events())[1]!;
      expect(event).toMatchObject({
        subject_type: "amendment",
        subject_id: amendmentUid(pending),
        article: "8 ter",
        occurred_at: "2025-03-19T18:00:00+01:00",
      });
    });

    it("records one error per bad file or record and imports the rest", async () => {
      await open();
      const good = amendmentSpec({ number: 3 });
      const folder = writeAmendmentFolder([good]);
      writeFileSync(path.join(folder, "cassé.json"), '{"amendement": {"uid": ');
      writeFileSync(path.join(folder, "sans-uid.json"), JSON.stringify({ amendement: { identification: { numeroLong: "99" } } }));
      const summary = await importAmendments(folder);
      expect(summary.status).toBe("partial");
      expect(summary.counts).toMatchObject({ created: 1, failed: 2 });
      const errors = await database.db
        .selectFrom("import_errors")
        .select(["file", "record", "severity", "message"])
        .orderBy("file")
        .execute();
      expect(errors).toEqual([
        { file: "cassé.json", record: null, severity: "error", message: expect.stringContaining("JSON mal formé") },
        { file: "sans-uid.json", record: "99", severity: "error", message: "amendement sans uid" },
      ]);
      const run = await database.db.selectFrom("import_runs").selectAll().where("id", "=", summary.runId).executeTakeFirstOrThrow();
      expect(run.status).toBe("partial");
      expect(JSON.parse(run.counts)).toMatchObject({ created: 1, failed: 2 });
    });

    it("reports a truncated zip clearly and stores nothing", async () => {
      await open();
      const zip = await writeZip(amendmentZipEntries([amendmentSpec({ number: 1 }), amendmentSpec({ number: 2 })]));
      truncateSync(zip, Math.floor(statSync(zip).size * 0.6));
      const summary = await importAmendments(zip);
      expect(summary.status).toBe("failed");
      expect(summary.message).toMatch(/zip illisible ou tronquée/);
      expect(await database.db.selectFrom("amendments").select("uid").execute()).toEqual([]);
    });

    it("refuses zip entries with ../ paths and imports the others", async () => {
      await open();
      const good = amendmentZipEntries([amendmentSpec({ number: 5 })]);
      // yazl refuses to write "../" names: write a same-length name, then patch it in both zip headers.
      const zip = await writeZip([...good, ["aa/aa/evil.json", JSON.stringify(anAmendmentJson(amendmentSpec({ number: 6 })))]]);
      writeFileSync(zip, Buffer.from(readFileSync(zip).toString("latin1").replaceAll("aa/aa/evil.json", "../../evil.json"), "latin1"));
      const summary = await importAmendments(zip);
      expect(summary.counts).toMatchObject({ created: 1, failed: 1 });
      expect(summary.problems[0]).toMatchObject({
        file: expect.stringContaining("../../evil.json"),
        message: expect.stringContaining("dangereux"),
      });
    });

    it("imports a dossier, then only new steps make events", async () => {
      await open();
      const acts: ActSpec[] = [{ code: "AN1", children: [{ code: "AN1-DEPOT", date: "2025-01-01", texteAssocie: "PIONANR5L17B0001" }] }];
      const folder = tempDir();
      const file = path.join(folder, "DLR5L17N1.json");
      const dossier = (a: ActSpec[]) =>
        anDossierJson({
          uid: "DLR5L17N1",
          legislature: "17",
          title: "Loi d'essai",
          slug: "essai",
          procedure: "Proposition de loi ordinaire",
          acts: a,
        });
      writeFileSync(file, JSON.stringify(dossier(acts)));
      const run = (location: string) => runImport(database, { kind: dossiersKind, location, cacheDir: tempDir() });
      expect((await run(file)).counts).toMatchObject({ created: 1 });
      expect((await run(file)).counts).toMatchObject({ created: 0, unchanged: 1 });
      const more: ActSpec[] = [
        {
          code: "AN1",
          children: [
            { code: "AN1-DEPOT", date: "2025-01-01", texteAssocie: "PIONANR5L17B0001" },
            {
              code: "AN1-COM",
              children: [
                {
                  code: "AN1-COM-FOND",
                  children: [{ code: "AN1-COM-FOND-RAPPORT", date: "2025-02-01", texteAdopte: "PIONANR5L17BTC0010" }],
                },
              ],
            },
          ],
        },
      ];
      writeFileSync(file, JSON.stringify(dossier(more)));
      expect((await run(file)).counts).toMatchObject({ changed: 1 });
      const kinds = (await events()).map((e) => [e.kind, e.subject_id]);
      expect(kinds).toEqual([
        ["dossier.created", "DLR5L17N1"],
        ["text.created", "PIONANR5L17B0001"],
        ["dossier.step_added", "DLR5L17N1"],
        ["text.created", "PIONANR5L17BTC0010"],
      ]);
      const steps = await database.db.selectFrom("dossier_steps").select(["step_key", "stage", "text_uid"]).orderBy("position").execute();
      expect(steps).toEqual([
        { step_key: "AN1-DEPOT#1", stage: "depot", text_uid: "PIONANR5L17B0001" },
        { step_key: "AN1-COM-FOND-RAPPORT#1", stage: "commission", text_uid: "PIONANR5L17BTC0010" },
      ]);
    });

    it("writes a batch all or nothing: a refused record rolls back the batch and its events", async () => {
      await open();
      const { storeAmendments } = await import("../../db/store/amendments.js");
      const parse = (n: number) =>
        amendmentsKind.parse("a.json", Buffer.from(JSON.stringify(anAmendmentJson(amendmentSpec({ number: n })))))!.amendments[0]!;
      const valid = parse(8);
      const broken = { ...parse(9), target: { ...parse(9).target, kind: null as unknown as "article" } };
      await expect(storeAmendments(database.db, [valid, broken], { runId: null, sourceFile: null })).rejects.toThrow();
      expect(await database.db.selectFrom("amendments").select("uid").execute()).toEqual([]);
      expect(await events()).toEqual([]);
      await storeAmendments(database.db, [valid], { runId: null, sourceFile: null });
      expect((await events()).map((e) => e.subject_id)).toEqual([valid.uid]);
    });
  });
}
