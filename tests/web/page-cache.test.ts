/**
 * Pages read many times between two writes (#19): ETag from the data version and 304 answers,
 * anonymous pages served from memory, never a page older than the data, even when another web
 * process or an import wrote it, and nothing personal ever shared between visitors.
 */
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KyselyPlugin } from "kysely";
import { createApp } from "../../src/web/app.js";
import { loadDemo } from "../../src/importer/demo.js";
import { createUser } from "../../db/store/accounts.js";
import { decideTag } from "../../db/store/tags.js";
import { bumpDataVersion } from "../../db/store/data-version.js";
import { hashPassword } from "../../src/accounts/password.js";
import type { DatabaseHandle } from "../../db/connection.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { CookieJarVisitor } from "../helpers/cookie-jar.js";

const BILL = "/dossiers/DLR5L17N99901";
const ARTICLE = `${BILL}/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231`;
const PASSWORD = "correct horse battery staple";

/** The handle with a counter of the queries the app sends through it. */
function counted(handle: DatabaseHandle): { handle: DatabaseHandle; queries: () => number } {
  let n = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      n++;
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  return { handle: { ...handle, db: handle.db.withPlugin(counter) }, queries: () => n };
}

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`page cache on ${dialect}`, () => {
    let database: TestDatabase;
    let other: DatabaseHandle;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      await loadDemo(database);
      await createUser(database.db, {
        email: "s@example.org",
        displayName: "Samuel Connecté",
        role: "staff",
        passwordHash: await hashPassword(PASSWORD),
      });
      other = database.reopen();
    });
    afterAll(async () => {
      await other?.close();
      await database?.dispose();
    });

    it("renders an anonymous page once per data version, then serves it with one query, and answers 304 to its ETag", async () => {
      const { handle, queries } = counted(database);
      const app = createApp(handle);
      for (const path of ["/", BILL, ARTICLE, "/recherche?q=chiffrement", "/flux/tout.atom"]) {
        const first = await app.request(path);
        expect(first.status).toBe(200);
        const etag = first.headers.get("ETag");
        expect(etag).toMatch(/^W\/"\d+-\d+-[\w-]+"$/);
        const body = await first.text();
        const before = queries();
        const second = await app.request(path);
        expect(await second.text()).toBe(body);
        expect(second.headers.get("ETag")).toBe(etag);
        expect(second.headers.get("Content-Type")).toBe(first.headers.get("Content-Type"));
        // Only the data version was read.
        expect(queries() - before).toBe(1);
        const revalidated = await app.request(path, { headers: { "If-None-Match": etag! } });
        expect(revalidated.status).toBe(304);
        // An htmx request is another representation, with its own validator.
        const htmx = await app.request(path, { headers: { "HX-Request": "true" } });
        expect(htmx.headers.get("ETag")).not.toBe(etag);
        expect((await app.request(path, { headers: { "If-None-Match": htmx.headers.get("ETag")!, "HX-Request": "true" } })).status).toBe(
          304,
        );
      }
    });

    it("gives each resource its own validator, and a page that does not exist a 404 before any 304", async () => {
      const app = createApp(database);
      const home = (await app.request("/")).headers.get("ETag")!;
      const bill = (await app.request(BILL)).headers.get("ETag")!;
      expect(home).not.toBe(bill);
      // The home page's tag does not validate the bill page.
      expect((await app.request(BILL, { headers: { "If-None-Match": home } })).status).toBe(200);
      // « * » means « if it exists »: 304 for a page that exists, the 404 for one that does not.
      expect((await app.request(BILL, { headers: { "If-None-Match": "*" } })).status).toBe(304);
      expect((await app.request("/dossiers/DLR5L17N00000", { headers: { "If-None-Match": "*" } })).status).toBe(404);
      expect((await app.request("/nulle-part", { headers: { "If-None-Match": "*" } })).status).toBe(404);
    });

    it("never moves a feed's Last-Modified back in time when the data changes (an item hidden or removed)", async () => {
      const app = createApp(database);
      const before = Date.parse((await app.request("/flux/tout.atom")).headers.get("Last-Modified")!);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await bumpDataVersion(database.db); // what hiding an annotation does, with its feed item gone
      const after = Date.parse((await app.request("/flux/tout.atom")).headers.get("Last-Modified")!);
      expect(after).toBeGreaterThan(before);
      const since = new Date(before).toUTCString();
      expect((await app.request("/flux/tout.atom", { headers: { "If-Modified-Since": since } })).status).toBe(200);
    });

    it("serves kept pages and assets compressed to clients that accept gzip, the same content once inflated", async () => {
      const app = createApp(database);
      const plain = await (await app.request(BILL)).text();
      for (const path of [BILL, "/assets/navette.css"]) {
        const response = await app.request(path, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
        expect(response.headers.get("Content-Encoding"), path).toBe("gzip");
        expect(response.headers.get("Vary"), path).toContain("Accept-Encoding");
        const inflated = gunzipSync(Buffer.from(await response.arrayBuffer())).toString("utf8");
        if (path === BILL) expect(inflated).toBe(plain);
        else expect(inflated).toContain(":root {");
      }
      const refused = await app.request(BILL, { headers: { "Accept-Encoding": "gzip;q=0, identity" } });
      expect(refused.headers.get("Content-Encoding")).toBeNull();
    });

    it("shows the new data on the first request after a write made by another process", async () => {
      const app = createApp(database);
      const page = await app.request(ARTICLE);
      const etag = page.headers.get("ETag")!;
      expect(await page.text()).not.toContain("Ajouté par l'équipe : portée trop large");
      // Another process (an import, a second web process) writes through its own connection.
      await decideTag(other.db, {
        dossierUid: "DLR5L17N99901",
        provisionId: "8 ter@SN1-COM-FOND-RAPPORT#1",
        theme: "censure",
        decision: "added",
        reason: "portée trop large",
        author: "Sam",
      });
      const after = await app.request(ARTICLE, { headers: { "If-None-Match": etag } });
      expect(after.status).toBe(200);
      expect(after.headers.get("ETag")).not.toBe(etag);
      expect(await after.text()).toContain("portée trop large");
    });

    it("never shares a visitor's cookie or token: anonymous pages carry none, signed-in pages are not kept", async () => {
      const app = createApp(database);
      const first = await app.request(BILL);
      const second = await app.request(BILL);
      const cookie = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith("navette_csrf="));
      expect(cookie(first)).toBeDefined();
      expect(cookie(second)).toBeDefined();
      expect(cookie(second)).not.toBe(cookie(first));
      expect(await second.text()).not.toContain("X-CSRF-Token");

      const staff = new CookieJarVisitor(app);
      expect((await staff.login("s@example.org", PASSWORD)).status).toBe(303);
      const signedIn = await staff.request(ARTICLE);
      const html = await signedIn.text();
      expect(html).toContain("X-CSRF-Token");
      expect(html).toContain("Samuel Connecté");
      expect(signedIn.headers.get("Cache-Control")).toBe("private, no-cache");
      const anonymous = await (await app.request(ARTICLE)).text();
      expect(anonymous).not.toContain("X-CSRF-Token");
      expect(anonymous).not.toContain("Samuel Connecté");
      // Their ETag is theirs: an anonymous ETag does not validate a signed-in page, nor the reverse.
      const anonymousTag = (await app.request(ARTICLE)).headers.get("ETag")!;
      expect((await staff.request(ARTICLE, { headers: { "If-None-Match": anonymousTag } })).status).toBe(200);
      const ownTag = signedIn.headers.get("ETag")!;
      expect((await staff.request(ARTICLE, { headers: { "If-None-Match": ownTag } })).status).toBe(304);
      expect((await app.request(ARTICLE, { headers: { "If-None-Match": ownTag } })).status).toBe(200);
    });
  });
}
