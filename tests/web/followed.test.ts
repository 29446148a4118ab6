/**
 * « Suivre un texte » in the web UI: staff and admins follow a bill by pasting its address and stop
 * following it; volunteers and anonymous visitors cannot; a wrong or hostile address gets the form
 * back with its message; everyone sees the list. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { createUser } from "../../db/store/accounts.js";
import { hashPassword } from "../../src/accounts/password.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { CookieJarVisitor } from "../helpers/cookie-jar.js";

const PASSWORD = "correct horse battery staple";

class Visitor extends CookieJarVisitor {
  async signIn(email: string) {
    expect((await this.login(email, PASSWORD)).status).toBe(303);
    return this;
  }
  async post(path: string, form: Record<string, string>) {
    return this.request(path, { method: "POST", form: { ...form, _csrf: await this.csrf() } });
  }
}

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`followed bills page on ${dialect}`, () => {
    let database: TestDatabase;
    let app: ReturnType<typeof createApp>;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      const hash = await hashPassword(PASSWORD);
      await createUser(database.db, { email: "s@example.org", displayName: "Sam", role: "staff", passwordHash: hash });
      await createUser(database.db, { email: "v@example.org", displayName: "Val", role: "volunteer", passwordHash: hash });
      app = createApp(database);
    });
    afterAll(async () => {
      await database?.dispose();
    });

    it("lets staff follow a bill by its address and stop following it", async () => {
      const sam = await new Visitor(app).signIn("s@example.org");
      const page = await (await sam.request("/suivis")).text();
      expect(page).toContain('name="adresse"');
      const follow = await sam.post("/suivis", { adresse: "https://www.senat.fr/dossier-legislatif/pjl16-263.html" });
      expect(follow.status).toBe(303);
      expect(follow.headers.get("location")).toBe("/suivis");
      const listed = await (await sam.request("/suivis")).text();
      expect(listed).toContain("(Sénat, pjl16-263)");
      expect(listed).toContain("Pas encore synchronisé.");
      const rows = await database.db.selectFrom("followed_dossiers").select(["id", "key", "added_by"]).execute();
      expect(rows.map((r) => [r.key, r.added_by])).toEqual([["pjl16-263", "Sam"]]);
      const audit = await database.db.selectFrom("audit_log").select("action").where("action", "like", "dossier.%").execute();
      expect(audit.map((a) => a.action)).toEqual(["dossier.followed"]);

      expect((await sam.post(`/suivis/${rows[0]!.id}/arreter`, {})).status).toBe(303);
      expect(await database.db.selectFrom("followed_dossiers").selectAll().execute()).toEqual([]);
    });

    it("gives the form back with its message for an address it does not understand, escaped", async () => {
      const sam = await new Visitor(app).signIn("s@example.org");
      const hostile = `<script>alert(1)</script>`;
      const answer = await sam.post("/suivis", { adresse: hostile });
      expect(answer.status).toBe(400);
      const html = await answer.text();
      expect(html).toContain("Adresse non reconnue");
      expect(html).not.toContain("<script>alert(1)</script>");
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(await database.db.selectFrom("followed_dossiers").selectAll().execute()).toEqual([]);
    });

    it("refuses volunteers and anonymous visitors, and shows them no form", async () => {
      const val = await new Visitor(app).signIn("v@example.org");
      expect(await (await val.request("/suivis")).text()).not.toContain('name="adresse"');
      expect((await val.post("/suivis", { adresse: "pjl16-263" })).status).toBe(403);
      const anonymous = new Visitor(app);
      expect((await anonymous.request("/suivis")).status).toBe(200);
      expect((await anonymous.post("/suivis", { adresse: "pjl16-263" })).status).toBe(401);
      expect(await database.db.selectFrom("followed_dossiers").selectAll().execute()).toEqual([]);
    });
  });
}
