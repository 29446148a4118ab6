/**
 * Full-text search over articles and amendments, on SQLite (FTS5) and PostgreSQL (tsvector):
 * accents and case ignored, French stemming on PostgreSQL, snippets, hostile input, saved-search feed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { loadDemo } from "../../src/importer/demo.js";
import { searchDocuments, queryWords } from "../../db/store/search.js";
import { searchExtract } from "../../src/domain/search-extract.js";
import { articleReference } from "../../src/domain/search-query.js";
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
  it("marks the words found as written, whatever the accents", () => {
    expect(searchExtract("Les fournisseurs de messageries chiffrées sont tenus de…", "chiffrees")).toEqual([
      { text: "Les fournisseurs de messageries ", mark: false },
      { text: "chiffrées", mark: true },
      { text: " sont tenus de…", mark: false },
    ]);
  });
  it("marks the matched words, not characters at offsets of the folded text (real ligatures and accents)", () => {
    // « œ » folds to one letter but NFD-decomposed accents change lengths: offsets of the folded text drift.
    const text = "Pour les opérateurs de téléphonie, œuvrant à l’interception, le chiffrement des communications est protégé.";
    const marks = searchExtract(text, "chiffrement")
      .filter((p) => p.mark)
      .map((p) => p.text);
    expect(marks).toEqual(["chiffrement"]);
  });
  it("starts and ends extracts on word boundaries", () => {
    const text = `${"Les dispositifs de surveillance ".repeat(10)}imposent le chiffrement ${"des échanges entre personnes ".repeat(10)}`;
    const parts = searchExtract(text, "chiffrement", 120);
    const joined = parts.map((p) => p.text).join("");
    expect(joined.startsWith("… ")).toBe(true);
    expect(joined.endsWith(" …")).toBe(true);
    const inner = joined.slice(2, -2);
    expect(text.includes(inner)).toBe(true);
    const at = text.indexOf(inner);
    expect(at === 0 || /\s/u.test(text[at - 1]!)).toBe(true);
    expect(/\s/u.test(text[at + inner.length] ?? " ")).toBe(true);
  });
  it("reads a query that names an article", () => {
    expect(articleReference("8 ter")).toMatchObject({ kind: "article", number: "8 ter" });
    expect(articleReference("article 15 ter")).toMatchObject({ kind: "article", number: "15 ter" });
    expect(articleReference("art. 1er")).toMatchObject({ kind: "article", number: "1er" });
    expect(articleReference("L. 851-3")).toEqual({ kind: "code", article: "L. 851-3" });
    expect(articleReference("article 706-102-1")).toEqual({ kind: "code", article: "706-102-1" });
    expect(articleReference("chiffrement")).toBeNull();
    expect(articleReference("8 ter chiffrement")).toBeNull();
  });
});

/** Every marked word of a results page, and whether each one is a word of the query (folded, as a prefix). */
function marksOf(html: string): string[] {
  return [...html.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]!);
}

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

    it("lists the amendments and texts of the article a query names first, with their outcome", async () => {
      const page = await (await app.request("/recherche?q=8%20ter")).text();
      const titles = [...page.matchAll(/<li(?: class="by-article")?>\s*<a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
      expect(titles.length).toBeGreaterThan(1);
      const byArticle = [...page.matchAll(/<li class="by-article">\s*<a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
      expect(byArticle.length).toBeGreaterThan(0);
      expect(titles.slice(0, byArticle.length)).toEqual(byArticle);
      for (const title of byArticle)
        expect(title).toMatch(/^(Article 8 ter\b|Amendement .* (?:sur|après|avant) l(?:'|&#39;)article 8 ter)/);
      expect(page).toMatch(/class="outcome outcome-(adopte|rejete)"> — (adopté|rejeté)/);
      // An article's result is placed by its bill's whole title (which itself holds « — »).
      expect(page).toContain(
        '<p class="muted result-context">Démonstration — proposition de loi relative à la sécurité des communications (données fictives)</p>',
      );
      const code = await (await app.request("/recherche?q=L.%20851-3")).text();
      expect(code).toContain('class="by-article"');
    });

    it("marks only words of the query, as written", async () => {
      for (const q of ["chiffrement", "porte dérobée", "activation à distance"]) {
        const page = await (await app.request(`/recherche?q=${encodeURIComponent(q)}`)).text();
        const marks = marksOf(page);
        expect(marks.length, q).toBeGreaterThan(0);
        const words = queryWords(q);
        for (const mark of marks)
          expect(
            queryWords(mark).every((w) => words.some((q2) => w.startsWith(q2))),
            `${q}: <mark>${mark}</mark>`,
          ).toBe(true);
      }
    });

    it("serves the search page with snippets, filters and a feed of the search", async () => {
      const page = await (await app.request("/recherche?q=porte%20d%C3%A9rob%C3%A9e&type=amendement")).text();
      expect(page).toMatch(/<mark>[^<]+<\/mark>/);
      const hostile = await app.request(`/recherche?q=${encodeURIComponent(`<script>alert(1)</script>' OR 1=1 --`)}`);
      expect(hostile.status).toBe(200);
      expect(await hostile.text()).not.toContain("<script>alert(1)</script>");
      const withFeed = await (await app.request("/recherche?q=chiffrement")).text();
      expect(withFeed).toContain('href="/flux/recherche.atom?q=chiffrement"');
      const feed = await app.request("/flux/recherche.atom?q=chiffrement&type=amendement&utm=x");
      expect(feed.status).toBe(200);
      const atom = await feed.text();
      expect(atom).toContain("<entry>");
      // Its self link is the search's, query included (an aggregator re-reads that address).
      expect(atom).toMatch(/<link rel="self" href="http:\/\/localhost\/flux\/recherche\.atom\?q=chiffrement&amp;type=amendement"/);
      expect(atom).toMatch(/<id>tag:localhost,2026:\/flux\/recherche\/evenements\/\d+<\/id>/);
    });
  });
}
