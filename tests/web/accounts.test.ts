/**
 * Accounts and their security, on real databases: sign in, cookie flags, session fixation, CSRF,
 * rate limiting, sign out everywhere, roles, invitations, hostile input, audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { createUser } from "../../db/store/accounts.js";
import { hashPassword, verifyPassword } from "../../src/accounts/password.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { CookieJarVisitor } from "../helpers/cookie-jar.js";

const PASSWORD = "correct horse battery staple";

describe("password hashing", () => {
  it("uses salted scrypt and verifies in constant time", async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword("wrong password!!", a)).toBe(false);
    expect(await verifyPassword(PASSWORD, "md5$abc")).toBe(false);
  });
});

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`accounts on ${dialect}`, () => {
    let database: TestDatabase;
    let app: ReturnType<typeof createApp>;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      const hash = await hashPassword(PASSWORD);
      await createUser(database.db, {
        email: "admin@example.org",
        displayName: "Alex <script>alert(1)</script>",
        role: "admin",
        passwordHash: hash,
      });
      await createUser(database.db, { email: "benevole@example.org", displayName: "Bénévole", role: "volunteer", passwordHash: hash });
      for (let i = 0; i < 3; i++)
        await createUser(database.db, { email: `lim${i}@example.org`, displayName: `L${i}`, role: "volunteer", passwordHash: hash });
      app = createApp(database);
    });
    afterAll(async () => {
      await database?.dispose();
    });

    it("signs in with a fresh session id and safe cookie flags, and escapes the display name", async () => {
      const browser = new CookieJarVisitor(app);
      browser.cookies.set("navette_session", "attacker-chosen-token");
      const response = await browser.login("ADMIN@example.org", PASSWORD);
      expect(response.status).toBe(303);
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith("navette_session="))!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\//);
      expect(browser.cookies.get("navette_session")).not.toBe("attacker-chosen-token");
      const home = await (await browser.request("/")).text();
      expect(home).toContain("Alex &lt;script&gt;");
      expect(home).not.toContain("<script>alert(1)</script>");
      const attacker = new CookieJarVisitor(app);
      attacker.cookies.set("navette_session", "attacker-chosen-token");
      expect(await (await attacker.request("/")).text()).toContain('href="/connexion"');
    });

    it("refuses a POST without, or with a wrong, CSRF token, and a cross-origin POST", async () => {
      const browser = new CookieJarVisitor(app);
      await browser.login("admin@example.org", PASSWORD);
      expect((await browser.request("/admin/invitations", { method: "POST", form: { role: "volunteer" } })).status).toBe(403);
      expect((await browser.request("/admin/invitations", { method: "POST", form: { role: "volunteer", _csrf: "forged" } })).status).toBe(
        403,
      );
      const csrf = await browser.csrf("/admin/utilisateurs");
      expect(
        (
          await browser.request("/admin/invitations", {
            method: "POST",
            form: { role: "volunteer", _csrf: csrf },
            headers: { Origin: "https://evil.example" },
          })
        ).status,
      ).toBe(403);
      expect((await browser.request("/admin/invitations", { method: "POST", form: { role: "volunteer", _csrf: csrf } })).status).toBe(200);
      expect(
        (
          await browser.request("/admin/invitations", {
            method: "POST",
            headers: { "X-CSRF-Token": csrf, "Content-Type": "application/x-www-form-urlencoded" },
            body: "role=staff",
          })
        ).status,
      ).toBe(200);
    });

    it("slows down brute force: refused after 5 failures on an account, even with the right password", async () => {
      const browser = new CookieJarVisitor(app);
      for (let i = 0; i < 5; i++) expect((await browser.login("lim0@example.org", `wrong password ${i}`)).status).toBe(401);
      expect((await browser.login("lim0@example.org", PASSWORD)).status).toBe(429);
      const audit = await database.db
        .selectFrom("audit_log")
        .select("action")
        .where("action", "in", ["login.failed", "login.throttled"])
        .execute();
      expect(audit.filter((a) => a.action === "login.failed").length).toBeGreaterThanOrEqual(5);
      expect(audit.some((a) => a.action === "login.throttled")).toBe(true);
      // SQL metacharacters are plain text.
      expect((await browser.login("x' OR '1'='1", "' OR 1=1 --")).status).toBe(401);
    });

    it("signs out everywhere", async () => {
      const laptop = new CookieJarVisitor(app);
      const phone = new CookieJarVisitor(app);
      await laptop.login("lim1@example.org", PASSWORD);
      await phone.login("lim1@example.org", PASSWORD);
      expect(await (await phone.request("/")).text()).toContain("L1");
      const csrf = await laptop.csrf("/");
      expect((await laptop.request("/deconnexion-partout", { method: "POST", form: { _csrf: csrf } })).status).toBe(303);
      expect(await (await phone.request("/")).text()).not.toContain("Se déconnecter");
      expect(await (await laptop.request("/")).text()).not.toContain("Se déconnecter");
    });

    it("keeps administration to admins, and invitations work once", async () => {
      const volunteer = new CookieJarVisitor(app);
      await volunteer.login("benevole@example.org", PASSWORD);
      expect((await volunteer.request("/admin/utilisateurs")).status).toBe(403);
      expect((await new CookieJarVisitor(app).request("/admin/utilisateurs")).status).toBe(303);

      const admin = new CookieJarVisitor(app);
      await admin.login("admin@example.org", PASSWORD);
      // The invitation form offers the least privilege first, and selected.
      const form =
        /<form method="post" action="\/admin\/invitations">[\s\S]*?<\/form>/.exec(
          await (await admin.request("/admin/utilisateurs")).text(),
        )?.[0] ?? "";
      expect([...form.matchAll(/<option value="(\w+)"( selected="")?/g)].map((m) => `${m[1]}${m[2] ? "*" : ""}`)).toEqual([
        "volunteer*",
        "staff",
        "admin",
      ]);
      const link = await admin.invitationLink("staff");
      const newcomer = new CookieJarVisitor(app);
      const csrf = await newcomer.csrf(link);
      const refused = await newcomer.request(link, {
        method: "POST",
        form: { _csrf: csrf, nom: "Camille", email: "camille@example.org", motdepasse: "court" },
      });
      expect(refused.status).toBe(400);
      // A refused password keeps the name and the address typed, never the password.
      const again = await refused.text();
      expect(again).toContain('value="Camille"');
      expect(again).toContain('value="camille@example.org"');
      expect(again).not.toContain('value="court"');
      expect(
        (
          await newcomer.request(link, {
            method: "POST",
            form: { _csrf: csrf, nom: "Camille", email: "camille@example.org", motdepasse: PASSWORD },
          })
        ).status,
      ).toBe(303);
      expect(await (await newcomer.request("/")).text()).toContain("Camille");
      expect((await new CookieJarVisitor(app).request(link)).status).toBe(404);
      const created = await database.db
        .selectFrom("users")
        .select(["role"])
        .where("email", "=", "camille@example.org")
        .executeTakeFirstOrThrow();
      expect(created.role).toBe("staff");
    });

    it("lets an admin change a role or disable an account, ending its sessions, but not lock themselves out", async () => {
      const user = await database.db.selectFrom("users").select("id").where("email", "=", "lim2@example.org").executeTakeFirstOrThrow();
      const target = new CookieJarVisitor(app);
      expect((await target.login("lim2@example.org", PASSWORD)).status).toBe(303);
      const volunteer = new CookieJarVisitor(app);
      await volunteer.login("benevole@example.org", PASSWORD);
      const forged = await volunteer.request(`/admin/utilisateurs/${user.id}`, {
        method: "POST",
        form: { _csrf: await volunteer.csrf(), role: "admin" },
      });
      expect(forged.status).toBe(403);

      const admin = new CookieJarVisitor(app);
      await admin.login("admin@example.org", PASSWORD);
      const csrf = await admin.csrf("/admin/utilisateurs");
      const post = (id: number | string, form: Record<string, string>) =>
        admin.request(`/admin/utilisateurs/${id}`, { method: "POST", form: { _csrf: csrf, ...form } });
      expect((await post(Number(user.id), { role: "staff" })).status).toBe(303);
      expect(await (await target.request("/")).text()).toContain("L2");
      expect((await post(Number(user.id), { role: "staff", desactive: "1" })).status).toBe(303);
      // Disabled: the open session ends at once and signing in is refused.
      expect(await (await target.request("/")).text()).toContain('href="/connexion"');
      expect((await new CookieJarVisitor(app).login("lim2@example.org", PASSWORD)).status).toBe(401);
      const row = await database.db.selectFrom("users").select(["role", "disabled"]).where("id", "=", user.id).executeTakeFirstOrThrow();
      expect([row.role, Number(row.disabled)]).toEqual(["staff", 1]);

      const self = await database.db.selectFrom("users").select("id").where("email", "=", "admin@example.org").executeTakeFirstOrThrow();
      expect((await post(Number(self.id), { role: "volunteer" })).status).toBe(400);
      expect((await post(Number(self.id), { role: "admin", desactive: "1" })).status).toBe(400);
      expect((await post(Number(user.id), { role: "dictateur" })).status).toBe(400);
      expect((await post("999999", { role: "staff" })).status).toBe(404);
      const audit = await database.db.selectFrom("audit_log").select("action").where("action", "=", "user.updated").execute();
      expect(audit).toHaveLength(2);
    });
  });
}
