/**
 * No internal code on any page or feed: a walk of every page reachable from the home page (the
 * demo, SQLite and PostgreSQL; and the real Narcotrafic amendments when ../shared/fixtures is
 * present) fails on what a reader should never see: the rules' wildcards and syntax, file paths,
 * the rules file's name, « (Rect) », abbreviations of steps such as « PR loi », bare uids.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { loadDemo } from "../../src/importer/demo.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { hasRealNarcotrafic, realNarcotraficDatabase } from "../helpers/real-narcotrafic.js";

/** What a reader must never read, with why. */
const FORBIDDEN: ReadonlyArray<readonly [RegExp, string]> = [
  [/\p{L}\*/u, "a rule's wildcard"],
  [/terme « |selon_contexte|\bavec « /u, "a rule's syntax"],
  [/\b[A-Z]{2,6} [LRD]\. \d+(-\d+)*-\*/u, "a code pattern of the rules"],
  [/\.(ya?ml|json|xml|csv|zip)\b/u, "a file name"],
  [/\/(tmp|home|work)\/|\bdemo\//u, "a file path"],
  [/surveillance\.yaml|rules\//u, "the rules file"],
  [/\((\d+\s*(e|ème)\s*)?Rect\)/iu, "« (Rect) » as stored"],
  [/\bPR loi\b|\bCC déc\./u, "an abbreviation of a step"],
  [/\b(AMANR5|PIONANR5|PRJLANR5|DLR5L\d+N|PO\d{5,}|PA\d{5,})\w*/u, "a bare uid"],
  [/\((Député|Sénateur|Rapporteur)\)/u, "a role in parentheses after a name"],
  [/\b1 (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b/u, "« 1 » instead of « 1er »"],
];

/** What a reader reads of a page: its text and its tooltips, without tags, scripts or the commands to type. */
function readable(body: string): string {
  const titles = [...body.matchAll(/\btitle="([^"]*)"/g)].map((m) => m[1]);
  const text = body
    // A feed's addresses and ids are for the reader program, not read.
    .replace(/<(link|guid|id|uri|icon|logo)\b[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, " ")
    // A feed's HTML content is escaped: read it as HTML.
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/<!\[CDATA\[|\]\]>/g, " ")
    .replace(/<code>[\s\S]*?<\/code>/g, " ") // commands to type (« navette suivre … ») name what they must
    .replace(/<[^>]+>/g, " ");
  return [text, ...titles]
    .join(" ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** Same-site links of a page (pages and feeds), without fragments. */
function linksOf(body: string): string[] {
  return [...body.matchAll(/\bhref="(\/[^"#]*)/g)]
    .map((m) => m[1]!.replace(/&amp;/g, "&"))
    .filter((href) => !href.startsWith("/assets/") && !href.startsWith("/connexion"));
}

/** Every page reachable from the home page, at most `limit`; the problems found on each. */
async function walk(app: ReturnType<typeof createApp>, limit: number): Promise<{ visited: number; problems: string[] }> {
  const queue = ["/", "/dossiers", "/themes", "/codes", "/recherche?q=chiffrement", "/recherche?q=8%20ter"];
  const seen = new Set(queue);
  const problems: string[] = [];
  let visited = 0;
  while (queue.length > 0 && visited < limit) {
    const href = queue.shift()!;
    const response = await app.request(href);
    visited += 1;
    if (response.status >= 500) problems.push(`${href} : erreur ${response.status}`);
    const body = await response.text();
    const text = readable(body);
    for (const [pattern, why] of FORBIDDEN) {
      const found = pattern.exec(text);
      if (found) problems.push(`${href} : ${why} — « …${text.slice(Math.max(0, found.index - 40), found.index + 40)}… »`);
    }
    for (const next of linksOf(body)) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return { visited, problems };
}

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`no internal code on any page of the demo, ${dialect}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      await loadDemo(database);
    });
    afterAll(async () => {
      await database?.dispose();
    });

    it("walks every page and feed reachable from the home page and finds none", async () => {
      const { visited, problems } = await walk(createApp(database), 600);
      expect(visited).toBeGreaterThan(100);
      expect(problems.join("\n")).toBe("");
    }, 120_000);
  });
}

const hasReal = hasRealNarcotrafic();

describe.skipIf(!hasReal)("no internal code on the pages of the 1,636 real Narcotrafic amendments (sqlite)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await realNarcotraficDatabase();
  }, 120_000);
  afterAll(async () => {
    await database?.dispose();
  });

  it("walks the bill, its amendments, themes and feeds and finds none", async () => {
    const { visited, problems } = await walk(createApp(database), 400);
    expect(visited).toBe(400);
    expect(problems).toEqual([]);
  }, 180_000);
});
