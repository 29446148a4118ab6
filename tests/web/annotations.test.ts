/**
 * Annotations on real databases: who may write, edit, hide and see them; Markdown made safe;
 * anchoring in the version shown; one feed item per public annotation, gone once hidden.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { createUser } from "../../db/store/accounts.js";
import { hashPassword } from "../../src/accounts/password.js";
import { loadDemo } from "../../src/importer/demo.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { CookieJarVisitor } from "../helpers/cookie-jar.js";

const PASSWORD = "correct horse battery staple";
const PAGE = "/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231";
const FEED = "/flux/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231.atom";

/** A visitor who signs in with the test password and posts forms as htmx does. */
class Visitor extends CookieJarVisitor {
  async signIn(email: string) {
    const response = await this.login(email, PASSWORD);
    expect(response.status).toBe(303);
    return this;
  }
  /** Posts a form as htmx does (token in the header) and returns the answer. */
  async post(path: string, form: Record<string, string>) {
    const csrf = await this.csrf();
    return this.request(path, { method: "POST", form, headers: { "HX-Request": "true", "X-CSRF-Token": csrf } });
  }
}

const ids = (html: string) => [...html.matchAll(/id="annotation-(\d+)"/g)].map((m) => Number(m[1]));

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`annotations on ${dialect}`, () => {
    let database: TestDatabase;
    let app: ReturnType<typeof createApp>;
    let volunteerId = 0;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      await loadDemo(database);
      const hash = await hashPassword(PASSWORD);
      volunteerId = await createUser(database.db, { email: "a@example.org", displayName: "Alice", role: "volunteer", passwordHash: hash });
      await createUser(database.db, { email: "b@example.org", displayName: "Bob", role: "volunteer", passwordHash: hash });
      await createUser(database.db, { email: "s@example.org", displayName: "Sam", role: "staff", passwordHash: hash });
      app = createApp(database);
    });
    afterAll(async () => {
      await database?.dispose();
    });

    it("refuses anonymous visitors and requests without a CSRF token", async () => {
      const anonymous = new Visitor(app);
      expect(await (await anonymous.request(PAGE)).text()).toContain("pour annoter cet article");
      expect((await anonymous.post(`${PAGE}/annotations`, { corps: "test" })).status).toBe(401);
      const alice = await new Visitor(app).signIn("a@example.org");
      const noToken = await alice.request(`${PAGE}/annotations`, { method: "POST", form: { corps: "test" } });
      expect(noToken.status).toBe(403);
      const count = await database.db
        .selectFrom("annotations")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    });

    it("publishes a public annotation with safe Markdown, anchored, in the feed exactly once", async () => {
      const before = (await (await app.request(FEED)).text()).match(/<entry>/g)?.length ?? 0;
      const alice = await new Visitor(app).signIn("a@example.org");
      const response = await alice.post(`${PAGE}/annotations`, {
        etape: "SN1-COM-FOND-RAPPORT#1",
        montrer: "SN1-COM-FOND-RAPPORT#1",
        citation: "communications électroniques chiffrées",
        corps:
          '**Porte dérobée** : voir [avis](https://example.org/avis) <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror="alert(3)">',
        visibilite: "public",
      });
      expect(response.status).toBe(200);
      const panel = await response.text();
      expect(panel).toContain("<strong>Porte dérobée</strong>");
      expect(panel).toContain('href="https://example.org/avis"');
      const rendered = /<div class="annotation-body">(.*?)<\/div>/.exec(panel)![1]!;
      expect(rendered).not.toMatch(/script|javascript:|onerror|<img/);
      // The raw Markdown is only ever inside the edit textarea, escaped.
      expect(panel).not.toMatch(/<script>|<img/);
      expect(panel).toContain("Écrite sur cette version, alinéa 2");
      // Dated, in French, with the machine-readable instant beside it.
      expect(panel).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}T[^"]+">\d{1,2}(er)? \p{L}+ \d{4}<\/time>/u);
      // Without a quote, the alinéa chosen is kept when that version has it, and ignored otherwise.
      for (const [chosen, expected] of [
        ["1", "alinéa 1"],
        ["99", "Écrite sur cette version."],
        ["1; DROP", "Écrite sur cette version."],
      ] as const) {
        const html = await (
          await alice.post(`${PAGE}/annotations`, {
            etape: "SN1-COM-FOND-RAPPORT#1",
            montrer: "SN1-COM-FOND-RAPPORT#1",
            alinea: chosen,
            corps: `Alinéa ${chosen}`,
            visibilite: "staff",
          })
        ).text();
        const item = html.split('<article class="annotation"').find((a) => a.includes(`<p>Alinéa ${chosen}</p>`))!;
        expect(item).toContain(expected);
      }
      await database.db.deleteFrom("annotations").where("body", "like", "Alinéa %").execute();

      // By default the page shows the last version in force (the Assemblée's deposit): the quoted
      // passage is found there.
      const byDefault = await (await new Visitor(app).request(PAGE)).text();
      expect(byDefault).toContain("Passage retrouvé à l&#39;alinéa 2 de cette version.");
      // Shown on the version that deleted it (committee): the page says it changed.
      const page = await (await new Visitor(app).request(`${PAGE}?montrer=${encodeURIComponent("AN1-COM-FOND-RAPPORT#1")}`)).text();
      expect(page).toContain("le texte a changé depuis");
      expect(page).toContain("Voir ce qui a changé depuis");

      const feed = await (await app.request(FEED)).text();
      expect(feed.match(/<entry>/g)?.length ?? 0).toBe(before + 1);
      expect(feed).toContain("Annotation de Alice");
      expect(feed).not.toContain("<script>");
    });

    it("keeps staff-only annotations from volunteers, visitors and feeds", async () => {
      const before = await (await app.request(FEED)).text();
      const sam = await new Visitor(app).signIn("s@example.org");
      const panel = await (await sam.post(`${PAGE}/annotations`, { corps: "Note interne : stratégie", visibilite: "staff" })).text();
      expect(panel).toContain("Note interne");
      expect(panel).toContain("réservée à l&#39;équipe");
      for (const visitor of [new Visitor(app), await new Visitor(app).signIn("b@example.org")]) {
        expect(await (await visitor.request(PAGE)).text()).not.toContain("Note interne");
      }
      expect(await (await app.request(FEED)).text()).toBe(before);
    });

    it("lets the author and staff edit or hide, not another volunteer, and keeps the history", async () => {
      const [id] = ids(await (await new Visitor(app).request(PAGE)).text());
      expect(id).toBeDefined();
      const bob = await new Visitor(app).signIn("b@example.org");
      expect((await bob.post(`/annotations/${id}/modifier`, { corps: "vandalisme" })).status).toBe(403);
      expect((await bob.post(`/annotations/${id}/masquer`, {})).status).toBe(403);

      const alice = await new Visitor(app).signIn("a@example.org");
      const original = await app.request(FEED);
      const originalFeed = await original.text();
      // The item shows the annotation rendered (no raw Markdown), under the article's number.
      expect(originalFeed).toMatch(/&lt;strong&gt;Porte dérobée&lt;\/strong&gt;|<strong>Porte dérobée<\/strong>/);
      expect(originalFeed).not.toContain("**Porte dérobée**");
      expect(originalFeed).toMatch(/Annotation de Alice sur l'article 8 ter(\]\]>|<)/);
      const edited = await (await alice.post(`/annotations/${id}/modifier`, { corps: "Analyse *révisée*" })).text();
      expect(edited).toContain("<em>révisée</em>");
      expect(edited).toContain("1 version précédente");
      const history = await database.db.selectFrom("annotation_revisions").selectAll().where("annotation_id", "=", id!).execute();
      expect(history).toHaveLength(1);
      expect(history[0]!.body).toContain("Porte dérobée");
      expect((await alice.post(`/annotations/${id}/modifier`, { corps: "x".repeat(20_001) })).status).toBe(400);

      const afterEdit = await app.request(FEED, { headers: { "If-None-Match": original.headers.get("etag")! } });
      // The edit changes the feed: a reader holding the old version gets the new one, not a 304.
      expect(afterEdit.status).toBe(200);
      const feedBefore = await afterEdit.text();
      expect(feedBefore).toContain("Annotation de Alice");
      expect(feedBefore).toMatch(/&lt;em&gt;révisée&lt;\/em&gt;|<em>révisée<\/em>/);
      expect(feedBefore).not.toContain("Porte dérobée");
      const sam = await new Visitor(app).signIn("s@example.org");
      expect((await sam.post(`/annotations/${id}/masquer`, {})).status).toBe(200);
      expect(ids(await (await new Visitor(app).request(PAGE)).text())).not.toContain(id);
      expect(await (await sam.request(PAGE)).text()).toContain("masquée");
      expect(await (await app.request(FEED)).text()).not.toContain("Annotation de Alice");

      const actions = await database.db.selectFrom("audit_log").select("action").where("action", "like", "annotation.%").execute();
      // Two annotations shown, three written to check alinéas (then removed), one edit, one hiding.
      expect(actions.map((a) => a.action).sort()).toEqual([
        ...Array<string>(5).fill("annotation.created"),
        "annotation.edited",
        "annotation.hidden",
      ]);
    });

    it("shows the form again with its message when an annotation sent without htmx is refused", async () => {
      const alice = await new Visitor(app).signIn("a@example.org");
      const csrf = await alice.csrf(PAGE);
      const refused = await alice.request(`${PAGE}/annotations`, { method: "POST", form: { _csrf: csrf, corps: "   " } });
      expect(refused.status).toBe(303);
      const back = refused.headers.get("location")!;
      expect(back).toMatch(/\?annotation=vide#annotations$/);
      const page = await (await alice.request(back)).text();
      expect(page).toContain("annotation est vide : écrivez votre analyse avant de publier.");
      expect(page).toContain('class="annotation-form');
      expect(await (await alice.request(`${PAGE}?annotation=constructor`)).text()).not.toContain('class="error"');
    });

    it("refuses empty and oversized input, unknown articles and annotations, with clear messages", async () => {
      const alice = await new Visitor(app).signIn("a@example.org");
      const empty = await alice.post(`${PAGE}/annotations`, { corps: "   " });
      expect(empty.status).toBe(400);
      expect(await empty.text()).toContain("L&#39;annotation est vide : écrivez votre analyse");
      expect((await alice.post(`${PAGE}/annotations`, { corps: "x".repeat(20_001) })).status).toBe(400);
      const tooLongQuote = await alice.post(`${PAGE}/annotations`, {
        corps: "Mon analyse, à garder",
        citation: "y".repeat(2_001),
        alinea: "2",
      });
      expect(tooLongQuote.status).toBe(400);
      // Refused, the form gives back what was typed, to be corrected rather than retyped.
      const refused = await tooLongQuote.text();
      expect(refused).toMatch(/<textarea name="corps"[^>]*>Mon analyse, à garder<\/textarea>/);
      expect(refused).toMatch(/<input name="alinea"[^>]*value="2"/);
      expect((await alice.post("/dossiers/DLR5L17N99901/articles/inconnu/annotations", { corps: "ok" })).status).toBe(404);
      expect((await alice.post("/annotations/999999/modifier", { corps: "ok" })).status).toBe(404);
      expect((await alice.post("/annotations/abc/masquer", {})).status).toBe(404);
    });

    it("treats SQL metacharacters in every input as plain text", async () => {
      const sql = `'; DROP TABLE annotations; -- " \\ %_ ') OR 1=1 --`;
      const alice = await new Visitor(app).signIn("a@example.org");
      const response = await alice.post(`${PAGE}/annotations`, { corps: sql, citation: sql, etape: sql, visibilite: sql, montrer: sql });
      expect(response.status).toBe(200);
      const stored = await database.db.selectFrom("annotations").selectAll().where("body", "=", sql).executeTakeFirstOrThrow();
      expect(stored.quote).toBe(sql);
      expect(stored.visibility).toBe("public");
      expect((await alice.post(`/annotations/${encodeURIComponent(sql)}/modifier`, { corps: sql })).status).toBe(404);
      expect((await app.request(`/benevoles/${encodeURIComponent(sql)}`)).status).toBe(404);
      expect((await app.request(`/dossiers/${encodeURIComponent(sql)}/articles/${encodeURIComponent(sql)}`)).status).toBe(404);
      expect((await app.request(`/recherche?q=${encodeURIComponent(sql)}`)).status).toBe(200);
      const login = await new Visitor(app).request("/connexion", { method: "POST", form: { _csrf: "x", email: sql, motdepasse: sql } });
      expect(login.status).toBe(403);
      const anonymous = new Visitor(app);
      const failed = await anonymous.request("/connexion", {
        method: "POST",
        form: { _csrf: await anonymous.csrf(), email: sql, motdepasse: sql },
      });
      expect(failed.status).toBe(401);
      // Every table is still there and whole.
      expect(await database.db.selectFrom("annotations").select("id").execute()).not.toHaveLength(0);
      expect(await database.db.selectFrom("users").select("id").execute()).toHaveLength(3);
    });

    it("lets staff, and only staff, add or reject a theme with a reason", async () => {
      const decide = (visitor: Visitor, form: Record<string, string>) => visitor.post(`${PAGE}/themes`, form);
      expect((await decide(new Visitor(app), { theme: "chiffrement", decision: "rejected", raison: "x" })).status).toBe(401);
      const bob = await new Visitor(app).signIn("b@example.org");
      expect(await (await bob.request(PAGE)).text()).not.toContain("Rejeter ce thème");
      expect((await decide(bob, { theme: "chiffrement", decision: "rejected", raison: "x" })).status).toBe(403);
      const sam = await new Visitor(app).signIn("s@example.org");
      expect(await (await sam.request(PAGE)).text()).toContain("Rejeter ce thème");
      expect((await decide(sam, { theme: "inconnu", decision: "rejected", raison: "x" })).status).toBe(400);
      expect((await decide(sam, { theme: "chiffrement", decision: "rejected", raison: "  " })).status).toBe(400);
      const done = await decide(sam, { theme: "chiffrement", decision: "rejected", raison: "Faux positif <b>évident</b>" });
      expect(done.status).toBe(303);
      const page = await (await new Visitor(app).request(PAGE)).text();
      expect(page).toContain("rejeté par Sam : « Faux positif &lt;b&gt;évident&lt;/b&gt; »");
      expect((await decide(sam, { theme: "donnees-connexion", decision: "added", raison: "Vise les métadonnées" })).status).toBe(303);
      expect(await (await new Visitor(app).request(PAGE)).text()).toContain("ajouté par Sam : « Vise les métadonnées »");
    });

    it("lists a volunteer's visible annotations on their page", async () => {
      const alice = await new Visitor(app).signIn("a@example.org");
      await alice.post(`${PAGE}/annotations`, { corps: "Deuxième analyse publique", visibilite: "public" });
      const page = await (await new Visitor(app).request(`/benevoles/${volunteerId}`)).text();
      expect(page).toContain("Annotations de Alice");
      expect(page).toContain("Deuxième analyse publique");
      expect(page).not.toContain("révisée");
      expect((await app.request("/benevoles/424242")).status).toBe(404);
    });

    it("gives no page, and no name, for an account that published nothing the visitor may read", async () => {
      const admin = await createUser(database.db, { email: "d@example.org", displayName: "Dana Admin", role: "admin", passwordHash: "x" });
      const unknown = await app.request("/benevoles/424242");
      const silent = await app.request(`/benevoles/${admin}`);
      expect(silent.status).toBe(404);
      const body = await silent.text();
      expect(body).not.toContain("Dana");
      expect(body).toBe(await unknown.text()); // the same answer as for no account: nothing to enumerate
      // Staff-only annotations make a page for the staff only.
      const eveId = await createUser(database.db, {
        email: "e@example.org",
        displayName: "Eve",
        role: "staff",
        passwordHash: await hashPassword(PASSWORD),
      });
      const eve = await new Visitor(app).signIn("e@example.org");
      await eve.post(`${PAGE}/annotations`, { corps: "Note interne", visibilite: "staff" });
      expect((await new Visitor(app).request(`/benevoles/${eveId}`)).status).toBe(404);
      expect((await (await new Visitor(app).signIn("b@example.org")).request(`/benevoles/${eveId}`)).status).toBe(404);
      expect(await (await eve.request(`/benevoles/${eveId}`)).text()).toContain("Note interne");
    });
  });
}
