/**
 * Every query a page or feed sends uses an index on amendments and events (#19): the queries are
 * recorded while the real pages render over the demo, then each one is explained by the database
 * itself (`EXPLAIN QUERY PLAN` on SQLite; `EXPLAIN` on PostgreSQL with sequential scans, hash
 * and merge joins discouraged, so that only a missing index leaves a table read whole). Watched: the tables that grow with the
 * number of amendments (amendments, events, tags, citations, search documents). A scan is accepted only where the
 * query stops after a LIMIT, reading the table in index order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompiledQuery, type KyselyPlugin, type RootOperationNode } from "kysely";
import { createApp } from "../../src/web/app.js";
import { loadDemo } from "../../src/importer/demo.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";

const BILL = "/dossiers/DLR5L17N99901";
const ARTICLE = `${BILL}/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231`;
const PAGES = [
  "/",
  "/dossiers",
  BILL,
  `${BILL}?statut=deleted`,
  ARTICLE,
  `${ARTICLE}/amendements?sort=adopte`,
  `${ARTICLE}/diff?de=SN1-COM-FOND-RAPPORT%231&a=AN1-COM-FOND-RAPPORT%231`,
  "/amendements/AMANR5L17PO838901BTC9943P0D1N000150",
  "/themes",
  "/themes/chiffrement",
  "/codes",
  "/codes/CSI/L.%20851-3",
  "/recherche?q=chiffrement",
  "/recherche?q=8%20ter",
  "/recherche?q=L.%20851-3",
  "/flux/tout.atom",
  `/flux/dossiers/DLR5L17N99901.rss`,
  "/flux/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231.atom",
  "/flux/themes/chiffrement.atom",
  "/flux/codes/CSI/L.%20851-3.atom",
  "/flux/recherche.atom?q=chiffrement",
];
/** PostgreSQL plans that read a small table whole whatever its indexes (see explain). */
const DISCOURAGED = ["enable_seqscan", "enable_hashjoin", "enable_mergejoin"];
/** Tables that grow with the number of amendments. */
const WATCHED = /\b(amendments|events|tags|citations|search_documents)\b/;

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`query plans on ${dialect}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      await loadDemo(database);
    });
    afterAll(async () => {
      await database?.dispose();
    });

    /** The plan lines of a query, as the database explains it. */
    const explain = (query: CompiledQuery): Promise<string[]> =>
      database.db.connection().execute(async (connection) => {
        if (dialect === "sqlite") {
          const plan = await connection.executeQuery<{ detail: string }>(
            CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
          );
          return plan.rows.map((r) => r.detail);
        }
        // On the demo's small tables, hash and merge joins walk a whole index as cheaply as they
        // would scan it; on a legislature the planner probes the index row by row. Discouraged
        // too, so that the plan shows whether an index can serve each side of a join.
        for (const setting of DISCOURAGED) await connection.executeQuery(CompiledQuery.raw(`SET ${setting} = off`));
        const plan = await connection.executeQuery<{ "QUERY PLAN": string }>(
          CompiledQuery.raw(`EXPLAIN ${query.sql}`, [...query.parameters]),
        );
        for (const setting of DISCOURAGED) await connection.executeQuery(CompiledQuery.raw(`RESET ${setting}`));
        return plan.rows.map((r) => r["QUERY PLAN"]);
      });

    /** Plan lines that read a whole table that grows with the amendments. */
    const fullScans = (query: CompiledQuery, plan: string[]): string[] => {
      if (dialect === "postgres") {
        // A sequential scan, or an index walked whole (no Index Cond under it) unless a LIMIT stops it unsorted.
        const limited = /^\s*Limit\b/.test(plan[0] ?? "") && !plan.some((line) => /\bSort\b/.test(line));
        return plan.filter((line, i) => {
          const node =
            /(Seq Scan|Index Scan|Index Only Scan)(?: Backward)?(?: using \S+)? on (amendments|events|tags|citations|search_documents)\b/.exec(
              line,
            );
          if (!node) return false;
          if (node[1] === "Seq Scan") return true;
          const next = plan.findIndex((l, j) => j > i && l.includes("->"));
          const details = plan.slice(i + 1, next < 0 ? undefined : next);
          return !details.some((l) => l.includes("Index Cond")) && !limited;
        });
      }
      const stopsAtLimit = /\blimit\b/i.test(query.sql) && !plan.some((line) => line.includes("USE TEMP B-TREE FOR ORDER BY"));
      return plan.filter((line) => /^SCAN (amendments|events|tags|citations|search_documents)\b/.test(line) && !stopsAtLimit);
    };

    it("reads amendments and events through indexes on every page and feed", async () => {
      const recorded: Array<{ page: string; node: RootOperationNode; queryId: { readonly queryId: string } }> = [];
      let page = "";
      const recorder: KyselyPlugin = {
        transformQuery: (args) => {
          recorded.push({ page, node: args.node, queryId: args.queryId });
          return args.node;
        },
        transformResult: (args) => Promise.resolve(args.result),
      };
      const app = createApp({ ...database, db: database.db.withPlugin(recorder) });
      for (const path of PAGES) {
        page = path;
        // The amendment filter and the diff answer htmx requests; a plain request is redirected to the page.
        const partial = /\/(amendements|diff)\?/.test(path);
        const response = await app.request(path, partial ? { headers: { "HX-Request": "true" } } : {});
        expect(response.status, path).toBe(200);
      }
      const problems: string[] = [];
      let explained = 0;
      for (const { page: path, node, queryId } of recorded) {
        const query = database.db.getExecutor().compileQuery(node, queryId);
        if (!/^\s*select/i.test(query.sql) || !WATCHED.test(query.sql)) continue;
        explained++;
        const plan = await explain(query);
        for (const line of fullScans(query, plan)) problems.push(`${path}\n  ${query.sql}\n  → ${line}`);
      }
      expect(explained).toBeGreaterThan(PAGES.length);
      expect(problems, problems.join("\n")).toEqual([]);
    });
  });
}
