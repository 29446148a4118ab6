/**
 * What a reader reads after the usual first step on real data: the 1,636 real Narcotrafic
 * amendments imported alone (../shared/fixtures; skipped with a message when absent). The theme
 * feed says what happened to each amendment; search marks whole query words on real text and lists
 * the amendments of the article a query names first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { queryWords } from "../../src/domain/search-extract.js";
import type { TestDatabase } from "../helpers/databases.js";
import { hasRealNarcotrafic, realNarcotraficDatabase } from "../helpers/real-narcotrafic.js";

const hasReal = hasRealNarcotrafic();

/** The text of each `<title>` of a feed's entries (the feed's own title left out). */
const entryTitles = (atom: string): string[] =>
  [
    ...atom.matchAll(/<entry>[\s\S]*?<title type="html"><!\[CDATA\[([^\]]*)\]\]><\/title>|<entry>[\s\S]*?<title[^>]*>([^<]*)<\/title>/g),
  ].map((m) => (m[1] ?? m[2] ?? "").replace(/&#39;/g, "'"));

describe.skipIf(!hasReal)("the reader's view of the 1,636 real Narcotrafic amendments (sqlite)", () => {
  let database: TestDatabase;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await realNarcotraficDatabase();
    app = createApp(database);
  }, 120_000);
  afterAll(async () => {
    await database?.dispose();
  });

  it("says in the encryption feed that CL44, deleting 8 ter, was adopted; no decided amendment is « déposé »", async () => {
    const atom = await (await app.request("/flux/themes/chiffrement.atom")).text();
    const titles = entryTitles(atom);
    expect(titles.length).toBeGreaterThan(5);
    expect(titles).toContain("Amendement CL44 sur l'article 8 ter : adopté en commission à l'Assemblée le 6 mars 2025");
    expect(titles.filter((t) => /déposé$/.test(t))).toEqual([]);
    // Every category has its term (RFC 4287).
    expect(atom).not.toMatch(/<category(?![^>]*\bterm="[^"]+")[^>]*>/);
  });

  it("marks whole query words on real text, never characters at offsets", async () => {
    for (const q of ["chiffrement", "techniques de renseignement", "messageries"]) {
      const page = await (await app.request(`/recherche?q=${encodeURIComponent(q)}`)).text();
      const marks = [...page.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]!);
      expect(marks.length, q).toBeGreaterThan(0);
      const words = queryWords(q);
      for (const mark of marks)
        expect(
          queryWords(mark).length > 0 && queryWords(mark).every((w) => words.some((word) => w.startsWith(word))),
          `${q}: <mark>${mark}</mark>`,
        ).toBe(true);
    }
  });

  it("lists first the amendments of the article a query names, each with its outcome", async () => {
    const page = await (await app.request("/recherche?q=8%20ter")).text();
    const first = [...page.matchAll(/<li class="by-article">\s*<a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!.replace(/&#39;/g, "'"));
    expect(first.length).toBeGreaterThan(5);
    for (const title of first) expect(title).toMatch(/l'article 8 ter$/);
    expect(page).toMatch(/class="outcome outcome-adopte"> — adopté en commission à l(?:'|&#39;)Assemblée le 6 mars 2025/);
  });
});
