/**
 * Full-text search over articles and amendments, on SQLite (FTS5) and PostgreSQL (tsvector):
 * accents and case ignored, French stemming on PostgreSQL, snippets, hostile input, saved-search feed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { loadDemo } from "../../src/importer/demo.js";
import { searchDocuments, snippet, queryWords } from "../../db/store/search.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";

describe("query words", () => {
  it("keeps only words, folded: the engines never see user syntax", () => {
    expect(queryWords(`Chiffrement "OR" NEAR(x) ; DROP TABLE amendments; --`)).toEqual([
      "chiffrement",
      "or",
      "near",
      "drop",
      "table",
      "amendments",
    ]);
    expect(queryWords("é")).toEqual([]);
  });
  it("cuts a snippet around the first match", () => {
    expect(snippet("Les fournisseurs de messageries chiffrées sont tenus de…", "chiffrees")).toEqual({
      before: "Les fournisseurs de messageries ",
      match: "chiffrées",
      after: " sont tenus de…",
    });
  });
});

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`search on ${dialect}`, () => {
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

    it("finds articles and amendments, accents and case ignored", async () => {
      const hits = await searchDocuments(database.db, dialect, "COMMUNICATIONS chiffrees");
      expect(hits.map((h) => h.kind)).toContain("article");
      expect(hits.some((h) => h.kind === "amendement" && h.title.startsWith("Amendement 101"))).toBe(true);
      const articles = await searchDocuments(database.db, dialect, "activation à distance", { kind: "article" });
      expect(articles.map((h) => h.title)).toEqual([expect.stringMatching(/^Article 15 ter/)]);
      expect(await searchDocuments(database.db, dialect, "zorglub")).toEqual([]);
    });

    it("serves the search page with snippets, filters and a feed of the search", async () => {
      const page = await (await app.request("/recherche?q=porte%20d%C3%A9rob%C3%A9e&type=amendement")).text();
      expect(page).toMatch(/<mark>[^<]+<\/mark>/);
      const hostile = await app.request(`/recherche?q=${encodeURIComponent(`<script>alert(1)</script>' OR 1=1 --`)}`);
      expect(hostile.status).toBe(200);
      expect(await hostile.text()).not.toContain("<script>alert(1)</script>");
      const withFeed = await (await app.request("/recherche?q=chiffrement")).text();
      expect(withFeed).toContain('href="/flux/recherche.atom?q=chiffrement"');
      const feed = await app.request("/flux/recherche.atom?q=chiffrement");
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain("<entry>");
    });
  });
}
