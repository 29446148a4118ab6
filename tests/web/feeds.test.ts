/**
 * Watch feeds: valid RSS 2.0 and Atom 1.0 (checked by a real feed client, Debian's
 * python3-feedparser, over HTTP), conditional requests, and exactly one new item per change.
 */
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { webConfig } from "../../src/config.js";
import { loadDemo } from "../../src/importer/demo.js";
import { runImport } from "../../src/importer/run-import.js";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { anAmendmentJson } from "../../scripts/an-format.js";
import { DEMO_TEXTS } from "../../scripts/demo-navette.js";
import { renderSenatHtml } from "../../scripts/text-formats.js";
import { createTestDatabase, type TestDatabase } from "../helpers/databases.js";
import { startServer } from "../helpers/browser.js";
import { tempDir } from "../helpers/fixtures.js";
import { projectRoot } from "../../src/project-root.js";
import { existsSync, readFileSync } from "node:fs";
import SQLite from "better-sqlite3";

/** Debian's Python, where the python3-feedparser package installs (another python3 may come first in PATH). */
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const hasFeedparser = spawnSync(PYTHON, ["-c", "import feedparser"]).status === 0;
if (!hasFeedparser) console.warn("[navette] python3-feedparser absent : la validation des flux par un vrai client est IGNORÉE (skipped).");

const FEEDS = [
  "/flux/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231",
  "/flux/dossiers/DLR5L17N99901",
  "/flux/themes/chiffrement",
  "/flux/codes/CSI/L.%20851-3",
];

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  database = await createTestDatabase("sqlite");
  await loadDemo(database);
  app = createApp(database);
});
afterAll(async () => {
  await database.dispose();
});

const NEWSBOAT = ["/usr/bin/newsboat", "/usr/local/bin/newsboat"].find((p) => existsSync(p));
if (!NEWSBOAT)
  console.warn("[navette] newsboat absent : la lecture des flux par un vrai lecteur RSS est IGNORÉE (skipped). Paquet Debian : newsboat.");

const itemIds = async (url: string): Promise<string[]> =>
  [...(await (await app.request(url)).text()).matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]!).slice(1);

describe("feeds", () => {
  it.skipIf(!hasFeedparser)("parse without error in feedparser (bozo 0), RSS and Atom", async () => {
    const server = await startServer(database);
    try {
      const script = `
import feedparser, json, sys
out = []
for url in sys.argv[1:]:
    d = feedparser.parse(url)
    out.append({"url": url, "bozo": int(bool(d.bozo)), "error": str(d.get("bozo_exception", "")), "version": d.version, "entries": len(d.entries), "title": d.feed.get("title"), "first": d.entries[0].get("link") if d.entries else None, "ids": len(set(e.id for e in d.entries)), "titles": [e.get("title") for e in d.entries], "tags": [[t.get("term") for t in e.get("tags", [])] for e in d.entries]})
print(json.dumps(out))`;
      const urls = FEEDS.flatMap((f) => [`${server.url}${f}.atom`, `${server.url}${f}.rss`]);
      // Asynchronously: the server answering the client runs in this very process.
      const result = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(PYTHON, ["-c", script, ...urls]);
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("error", reject);
        child.on("close", () => resolve({ stdout, stderr }));
      });
      expect(result.stderr).toBe("");
      const parsed = JSON.parse(result.stdout) as Array<{
        url: string;
        bozo: number;
        version: string;
        entries: number;
        ids: number;
        first: string;
        titles: string[];
        tags: string[][];
      }>;
      for (const feed of parsed) {
        // Every category has its term (RFC 4287), which feedparser reads as the tag.
        expect(
          feed.tags.flat().every((term) => typeof term === "string" && term.length > 0),
          feed.url,
        ).toBe(true);
        expect(feed.bozo, feed.url).toBe(0);
        expect(feed.entries, feed.url).toBeGreaterThan(0);
        expect(feed.ids, feed.url).toBe(feed.entries);
        expect(feed.first.startsWith(server.url), feed.url).toBe(true);
        expect(feed.version).toBe(feed.url.endsWith(".atom") ? "atom10" : "rss20");
      }
      // The article's and the theme's feeds say what happened to each amendment, read by a real client.
      const article = parsed.find((f) => f.url.endsWith(`${FEEDS[0]}.atom`))!;
      expect(article.titles).toContain("Amendement 101 sur l'article 8 ter : rejeté en séance à l'Assemblée le 19 mars 2025");
      expect(article.titles.filter((t) => /déposé$/.test(t))).toEqual([]);
      const theme = parsed.find((f) => f.url.endsWith("/flux/themes/chiffrement.atom"))!;
      expect(theme.tags.some((terms) => terms.includes("chiffrement"))).toBe(true);
      expect(theme.titles.some((t) => /adopté en commission/.test(t))).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it.skipIf(!NEWSBOAT)(
    "keeps every item of three overlapping feeds in newsboat (ids unique per feed, links to the event's page)",
    async () => {
      const server = await startServer(database);
      try {
        const feeds = ["/flux/tout.atom", "/flux/dossiers/DLR5L17N99901.atom", `${FEEDS[0]}.rss`].map((f) => `${server.url}${f}`);
        const expected = await Promise.all(
          feeds.map(async (url) => [...(await (await fetch(url)).text()).matchAll(/<entry>|<item>/g)].length),
        );
        const home = tempDir();
        writeFileSync(path.join(home, "urls"), feeds.join("\n") + "\n");
        writeFileSync(path.join(home, "config"), "");
        const cache = path.join(home, "cache.db");
        // Asynchronously: the server answering newsboat runs in this very process.
        const code = await new Promise<number | null>((resolve, reject) => {
          const child = spawn(NEWSBOAT!, ["-u", path.join(home, "urls"), "-C", path.join(home, "config"), "-c", cache, "-x", "reload"], {
            env: { ...process.env, HOME: home, LANG: "C.UTF-8" },
          });
          child.on("error", reject);
          child.on("close", resolve);
        });
        expect(code).toBe(0);
        const sqlite = new SQLite(cache, { readonly: true });
        const counts = sqlite.prepare("SELECT feedurl, count(*) AS n FROM rss_item GROUP BY feedurl").all() as Array<{
          feedurl: string;
          n: number;
        }>;
        const titles = (sqlite.prepare("SELECT title FROM rss_item WHERE feedurl = ?").all(feeds[2]) as Array<{ title: string }>).map(
          (r) => r.title,
        );
        sqlite.close();
        // What the subscriber reads in newsboat: each amendment's outcome, not « déposé ».
        expect(titles).toContain("Amendement CL12 sur l'article 8 ter : adopté en commission à l'Assemblée le 5 mars 2025");
        expect(titles.filter((t) => /déposé$/.test(t))).toEqual([]);
        const seen = feeds.map((url) => counts.find((c) => c.feedurl === url)?.n ?? 0);
        expect(seen).toEqual(expected);
        expect(expected.every((n) => n > 0)).toBe(true);
      } finally {
        await server.stop();
      }
    },
  );

  it("says everything in the users' words: step names and article numbers, never internal codes", async () => {
    for (const url of ["/flux/tout.atom", "/flux/dossiers/DLR5L17N99901.atom", "/flux/themes/chiffrement.rss"]) {
      const xml = await (await app.request(url)).text();
      const words = [...xml.matchAll(/<(title|summary|description)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!).join("\n");
      expect(words, url).not.toMatch(/[A-Z]{2}\d-[A-Z-]+#\d/); // step keys (AN1-COM-FOND-RAPPORT#1)
      expect(words, url).not.toMatch(/@(SN|AN)\d/); // provision ids (8 ter@SN1-COM-FOND-RAPPORT#1)
      expect(words, url).not.toMatch(/AMANR5L\d+/); // amendment uids
      expect(words, url).not.toMatch(/Thème « [a-z-]+ »/); // theme slugs
    }
  });

  it("answers 304 to If-None-Match and If-Modified-Since, with cache headers", async () => {
    const response = await app.request(`${FEEDS[0]}.atom`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    // No public address configured: links follow the request's Host, so no shared cache may keep them.
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    expect(response.headers.get("vary")).toContain("Host");
    const etag = response.headers.get("etag")!;
    const modified = response.headers.get("last-modified")!;
    expect((await app.request(`${FEEDS[0]}.atom`, { headers: { "If-None-Match": etag } })).status).toBe(304);
    expect((await app.request(`${FEEDS[0]}.atom`, { headers: { "If-Modified-Since": modified } })).status).toBe(304);
    expect((await app.request(`${FEEDS[0]}.atom`, { headers: { "If-None-Match": 'W/"0-0-atom"' } })).status).toBe(200);
  });

  it("links to the public address whatever Host the request names, and may then be cached by anyone", async () => {
    const publicApp = createApp(database, webConfig({ publicUrl: new URL("https://navette.example.org") }));
    const response = await publicApp.request(`http://evil.example${FEEDS[1]}.atom`, { headers: { Host: "evil.example" } });
    const body = await response.text();
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(body).toContain('href="https://navette.example.org/dossiers/DLR5L17N99901"');
    expect(body).not.toContain("evil.example");
  });

  it("shows in a new version's item what changed, as a diff extract against the previous version", async () => {
    for (const format of ["atom", "rss"]) {
      const feed = await (await app.request(`/flux/dossiers/DLR5L17N99901/articles/8%40SN1-DEPOT%231.${format}`)).text();
      expect(feed).toContain("Le II est abrogé<del>.</del>");
      expect(feed).toContain("<ins>3° Au dernier alinéa, après le mot : « renseignement »");
    }
    // A deleted article's item shows its text struck out.
    const deleted = await (await app.request("/flux/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231.atom")).text();
    expect(deleted).toMatch(/<li><del>[^<]*code de la sécurité intérieure/);
  });

  it("names an amendment's themes in its own item (RSS and Atom categories), with no item of their own", async () => {
    const atom = await (await app.request("/flux/themes/chiffrement.atom")).text();
    const entries = [...atom.matchAll(/<entry>[\s\S]*?<\/entry>/g)].map((m) => m[0]);
    const entry = entries.find((e) =>
      e.includes("Amendement CL12 sur l'article 8 ter : adopté en commission à l'Assemblée le 5 mars 2025"),
    );
    expect(entry).toBeDefined();
    expect(entry).toContain("Thèmes : Chiffrement et messageries");
    // RFC 4287: `term` is required; the theme's id, its name as label.
    expect(entry).toContain('<category label="Chiffrement et messageries" scheme="http://localhost/themes/" term="chiffrement"/>');
    const rss = await (await app.request("/flux/themes/chiffrement.rss")).text();
    expect(rss).toContain("<category>Chiffrement et messageries</category>");
    // Themes found on an article version stay events of their own, named in words, never by slug.
    expect(entries.filter((e) => /trouvé/.test(e) && e.includes("/amendements/"))).toEqual([]);
    expect(atom).toContain("Thème « Chiffrement et messageries » trouvé");
    expect(atom).not.toContain("« chiffrement »");
  });

  it("is announced on the pages it watches", async () => {
    const page = await (await app.request("/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231")).text();
    expect(page).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(page).toContain('href="/flux/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231.atom"');
    expect(page).toContain("Suivre cet article");
    expect(await (await app.request("/dossiers/DLR5L17N99901")).text()).toContain("Suivre ce texte");
    expect(await (await app.request("/themes/chiffrement")).text()).toContain("Suivre ce thème");
  });

  it("gets exactly one new item for a changed sort, one for a new text version, none for a re-import", async () => {
    const provisionFeed = `${FEEDS[0]}.atom`;
    const before = await itemIds(provisionFeed);
    // Re-importing the demo changes nothing.
    await loadDemo(database);
    expect(await itemIds(provisionFeed)).toEqual(before);

    // CL14 (on 8 ter) fell; now say it was adopted.
    const file = path.join(projectRoot(), "demo/an/amendements/json/DLR5L17N99901/PIONANR5L17B9907/AMANR5L17PO59051B9907P0D1N000014.json");
    const document = JSON.parse(readFileSync(file, "utf8")) as ReturnType<typeof anAmendmentJson>;
    const cycle = document.amendement["cycleDeVie"] as Record<string, unknown>;
    cycle["sort"] = "Rejeté";
    (cycle["etatDesTraitements"] as Record<string, { libelle: string }>)["sousEtat"]!.libelle = "Rejeté";
    const changed = path.join(tempDir(), "json", "DLR5L17N99901", "PIONANR5L17B9907", "AMANR5L17PO59051B9907P0D1N000014.json");
    (await import("node:fs")).mkdirSync(path.dirname(changed), { recursive: true });
    writeFileSync(changed, JSON.stringify(document));
    await runImport(database, { kind: findSourceKind("an-amendements")!, location: changed, cacheDir: tempDir() });
    const afterSort = await itemIds(provisionFeed);
    expect(afterSort.length).toBe(before.length + 1);
    const newest = await (await app.request(provisionFeed)).text();
    expect(newest).toContain("Amendement CL14 sur l'article 8 ter : rejeté en commission à l'Assemblée");

    // A new version of the last text (the Sénat's reading of the CMP text) changes article 16: one item in its feed.
    const feed16 = "/flux/dossiers/DLR5L17N99901/articles/16%40SN1-DEPOT%231.atom";
    const before16 = await itemIds(feed16);
    const revised = {
      ...DEMO_TEXTS.cmpSenate,
      items: DEMO_TEXTS.cmpSenate.items.map((i) =>
        "article" in i && i.article === "Article 16"
          ? {
              ...i,
              alineas: [
                ...i.alineas.slice(0, 1),
                "« Art. 230-40-1. – Sur autorisation du juge des libertés et de la détention, les informations relatives à la mise en œuvre d'une technique spéciale d'enquête figurent dans un procès-verbal distinct. »",
              ],
            }
          : i,
      ),
    };
    const textFile = path.join(tempDir(), "tas24-080.html");
    writeFileSync(textFile, renderSenatHtml(revised));
    await runImport(database, { kind: findSourceKind("senat-texte")!, location: textFile, cacheDir: tempDir() });
    const after16 = await itemIds(feed16);
    expect(after16.length).toBe(before16.length + 1);
    expect(await (await app.request(feed16)).text()).toContain("Article 16 (art. 19 de la loi) : Modifié");
  });
});
