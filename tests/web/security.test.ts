/**
 * Protections an attacker would try, each with a test that fails without it: open redirect after
 * sign-in, parallel guesses against the login limit, lockout of someone else's account, spoofed
 * client addresses, oversized bodies, weak passwords, invitation probing, expired sessions,
 * disabled accounts, purging, and the security headers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, MAX_BODY_BYTES } from "../../src/web/app.js";
import { webConfig } from "../../src/config.js";
import { createUser, hashToken, openSession } from "../../db/store/accounts.js";
import { purgeExpired } from "../../db/store/login-limits.js";
import { hashPassword } from "../../src/accounts/password.js";
import { passwordProblem } from "../../src/accounts/password-policy.js";
import { safeNext } from "../../src/web/security/safe-next.js";
import { LOGIN_LIMITS } from "../../src/web/account-routes.js";
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from "../helpers/databases.js";
import { CookieJarVisitor } from "../helpers/cookie-jar.js";
import { startServer } from "../helpers/browser.js";
import { connect } from "node:net";

const PASSWORD = "correct horse battery staple";

describe("the page after sign-in (safeNext)", () => {
  it("keeps a path of this site, with its query and anchor", () => {
    expect(safeNext("/dossiers/DLR5L17N99901?vue=matrice#article-8")).toBe("/dossiers/DLR5L17N99901?vue=matrice#article-8");
    expect(safeNext("/")).toBe("/");
  });

  it("refuses every way out of the site, and header injection", () => {
    for (const hostile of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "//evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "/ok\r\nSet-Cookie: navette_session=x",
      "evil.example",
      "",
      42,
      undefined,
    ])
      expect(safeNext(hostile), JSON.stringify(hostile)).toBe("/");
  });

  it("never leaves the site whatever the variant: dot segments, encodings, backslashes, tabs, Unicode slashes", () => {
    const before = ["", "/..", "/.", "/%2e%2e", "/%2E%2E", "/%2e", "/.%2e", "/a/..", "/./.", "/a/b/../..", "/%252e%252e"];
    const slashes = ["//", "/\\", "\\\\", "/\t/", "/\n/", "/%2f", "/%2F/", "\\/", "/\u2215", "/\uff0f", "/%5c", "/%09/", "///"];
    const after = ["evil.example", "evil.example/x?y=1#z", "@evil.example", "evil.example:443", "user@evil.example"];
    let tried = 0;
    for (const a of before)
      for (const b of slashes)
        for (const c of after) {
          const value = `${a}${b}${c}`;
          const next = safeNext(value);
          tried += 1;
          // What a browser does with « Location: <next> » on this site: it stays on this site.
          for (const origin of ["https://navette.example", "http://127.0.0.1:3000"])
            expect(new URL(next, origin).origin, JSON.stringify(value)).toBe(origin);
          expect(next, JSON.stringify(value)).toMatch(/^\/(?![/\\])/);
          expect(next, JSON.stringify(value)).not.toMatch(/[\t\n\r\\]/);
        }
    expect(tried).toBe(before.length * slashes.length * after.length);
    // The reported ones, exactly.
    for (const reported of ["/..//evil.example", "/.//evil.example", "/%2e%2e//evil.example"]) expect(safeNext(reported)).toBe("/");
    // And a real path with dot segments is still followed, normalised.
    expect(safeNext("/dossiers/../themes/chiffrement")).toBe("/themes/chiffrement");
  });
});

describe("password policy (zxcvbn-ts)", () => {
  it("refuses short, common, repeated, keyboard and personal passwords; accepts a passphrase", () => {
    for (const weak of ["court", "aaaaaaaaaaaa", "123456789012", "azertyuiop12", "motdepasse123"])
      expect(passwordProblem(weak), weak).not.toBeNull();
    expect(passwordProblem("camilledupont", ["Camille Dupont", "camille.dupont@example.org"])).not.toBeNull();
    expect(passwordProblem(PASSWORD)).toBeNull();
  });
});

for (const { dialect, available } of TEST_DIALECTS) {
  describe.skipIf(!available)(`security on ${dialect}`, () => {
    let database: TestDatabase;
    let app: ReturnType<typeof createApp>;
    let proxied: ReturnType<typeof createApp>;
    /** A visitor at its own address behind one trusted proxy (in-process requests have no socket). */
    const from = (ip: string): CookieJarVisitor => new CookieJarVisitor(proxied, { "X-Forwarded-For": `${ip}, 127.0.0.1` });
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      const hash = await hashPassword(PASSWORD);
      for (const name of ["race", "victim", "victim2", "expiry", "disabled", "admin"])
        await createUser(database.db, {
          email: `${name}@example.org`,
          displayName: name,
          role: name === "admin" ? "admin" : "volunteer",
          passwordHash: hash,
        });
      app = createApp(database, webConfig({ publicUrl: null, trustProxy: 0 }));
      proxied = createApp(database, webConfig({ publicUrl: null, trustProxy: 1 }));
    });
    afterAll(async () => {
      await database?.dispose();
    });

    it("lands on the site after a login whose return page is hostile, and never answers 500", async () => {
      for (const suite of ["/\t/evil.example", "/\r\n/evil.example", "//evil.example"]) {
        const visitor = from("192.0.2.10");
        const csrf = await visitor.csrf();
        const response = await visitor.request("/connexion", {
          method: "POST",
          form: { _csrf: csrf, email: "admin@example.org", motdepasse: PASSWORD, suite },
        });
        expect(response.status, JSON.stringify(suite)).toBe(303);
        expect(response.headers.get("location")).toBe("/");
      }
    });

    it("keeps the return page when the password is wrong", async () => {
      const visitor = from("192.0.2.11");
      const csrf = await visitor.csrf("/connexion?suite=%2Fthemes%2Fchiffrement");
      const failed = await visitor.request("/connexion", {
        method: "POST",
        form: { _csrf: csrf, email: "admin@example.org", motdepasse: "pas le bon mot de passe", suite: "/themes/chiffrement" },
      });
      expect(failed.status).toBe(401);
      expect(await failed.text()).toContain('name="suite" value="/themes/chiffrement"');
    });

    it("lets at most the limit of guesses sent at once reach the password check", async () => {
      const visitor = from("192.0.2.12");
      const csrf = await visitor.csrf();
      const guesses = Array.from({ length: 40 }, (_, i) => (i === 39 ? PASSWORD : `wrong guess number ${i}`));
      const answers = await Promise.all(
        guesses.map((motdepasse) =>
          visitor.request("/connexion", { method: "POST", form: { _csrf: csrf, email: "race@example.org", motdepasse, suite: "/" } }),
        ),
      );
      const checked = answers.filter((r) => r.status !== 429);
      expect(checked.length).toBeLessThanOrEqual(LOGIN_LIMITS.perAccountAndAddress);
      expect(answers.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(40 - LOGIN_LIMITS.perAccountAndAddress);
    });

    it("ignores X-Forwarded-For unless told how many proxies stand in front", async () => {
      const direct = new CookieJarVisitor(app);
      const csrf = await direct.csrf();
      for (let i = 0; i < LOGIN_LIMITS.perAccountAndAddress; i++)
        await direct.request("/connexion", {
          method: "POST",
          headers: { "X-Forwarded-For": `10.0.0.${i}` },
          form: { _csrf: csrf, email: "victim2@example.org", motdepasse: `wrong ${i}`, suite: "/" },
        });
      const spoofed = await direct.request("/connexion", {
        method: "POST",
        headers: { "X-Forwarded-For": "10.9.9.9" },
        form: { _csrf: csrf, email: "victim2@example.org", motdepasse: PASSWORD, suite: "/" },
      });
      expect(spoofed.status).toBe(429);
    });

    it("does not let guesses from other addresses lock an account out of a device it signed in on", async () => {
      const owner = new CookieJarVisitor(proxied);
      const csrf = await owner.csrf();
      const login = (visitor: CookieJarVisitor, ip: string, motdepasse: string, token: string) =>
        visitor.request("/connexion", {
          method: "POST",
          headers: { "X-Forwarded-For": `${ip}, 127.0.0.1` },
          form: { _csrf: token, email: "victim@example.org", motdepasse, suite: "/" },
        });
      expect((await login(owner, "192.0.2.1", PASSWORD, csrf)).status).toBe(303);
      expect(owner.cookies.has("navette_appareil")).toBe(true);
      // Guesses from many addresses: each address gets its own few tries, then the account-wide limit.
      const attacker = new CookieJarVisitor(proxied);
      const attackerCsrf = await attacker.csrf();
      const perAddress = LOGIN_LIMITS.perAccountAndAddress;
      for (let ip = 0; ip * perAddress < LOGIN_LIMITS.perAccount + perAddress; ip++)
        await Promise.all(
          Array.from({ length: perAddress }, (_, k) => login(attacker, `198.51.100.${ip}`, `guess ${ip}-${k}`, attackerCsrf)),
        );
      // A new device is now refused for this account...
      const stranger = new CookieJarVisitor(proxied);
      expect((await login(stranger, "203.0.113.7", PASSWORD, await stranger.csrf())).status).toBe(429);
      // ...but its owner's device still signs in, and so does any other account from the attacker's addresses.
      const back = new CookieJarVisitor(proxied);
      back.cookies.set("navette_appareil", owner.cookies.get("navette_appareil")!);
      expect((await login(back, "192.0.2.1", PASSWORD, await back.csrf())).status).toBe(303);
      // The known device keeps its cookie, its date renewed by this sign-in.
      expect(back.cookies.get("navette_appareil")).toBe(owner.cookies.get("navette_appareil"));
    });

    it("takes as long to refuse an unknown address as a wrong password", async () => {
      const visitor = from("192.0.2.13");
      const csrf = await visitor.csrf();
      const time = async (email: string, i: number) => {
        const start = performance.now();
        await visitor.request("/connexion", { method: "POST", form: { _csrf: csrf, email, motdepasse: `timing ${i}`, suite: "/" } });
        return performance.now() - start;
      };
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const known: number[] = [];
      const unknown: number[] = [];
      // Different accounts each time, so that no limit is reached.
      for (let i = 0; i < 3; i++) {
        await createUser(database.db, {
          email: `timing${i}@example.org`,
          displayName: "t",
          role: "volunteer",
          passwordHash: await hashPassword(PASSWORD),
        });
        known.push(await time(`timing${i}@example.org`, i));
        unknown.push(await time(`nobody${i}@example.org`, i));
      }
      expect(median(unknown) / median(known)).toBeGreaterThan(0.8);
    });

    it("refuses an oversized body before reading it, on any path, signed in or not", async () => {
      const big = "x".repeat(MAX_BODY_BYTES + 1);
      for (const path of ["/connexion", "/nimporte-quoi", "/dossiers/DLR5L17N99901/articles/1/annotations"]) {
        const response = await app.request(path, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: `a=${big}`,
        });
        expect(response.status, path).toBe(413);
      }
    });

    it("answers an announced oversized body over a real socket with 413 and a closed connection, never a reset", async () => {
      const server = await startServer(database);
      try {
        const { port, hostname } = new URL(server.url);
        const body = `a=${"x".repeat(1024 * 1024)}`;
        const answer = await new Promise<{ text: string; reset: boolean }>((resolve, reject) => {
          const socket = connect(Number(port), hostname, () => {
            socket.write(
              `POST /connexion HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`,
            );
            socket.write(body);
          });
          let text = "";
          let reset = false;
          socket.on("data", (d: Buffer) => (text += d.toString()));
          socket.on("error", (error: NodeJS.ErrnoException) => {
            if (error.code === "ECONNRESET") reset = true;
            else reject(error);
          });
          socket.on("close", () => resolve({ text, reset }));
        });
        expect(answer.text).toMatch(/^HTTP\/1\.1 413 /);
        expect(answer.text).toMatch(/\r\nconnection: close\r\n/i);
        expect(answer.reset).toBe(false);
        expect((await fetch(`${server.url}/`)).status).toBe(200);
      } finally {
        await server.stop();
      }
    });

    it("ends a session at its expiry and refuses a disabled account even with an open session", async () => {
      const user = await database.db.selectFrom("users").select("id").where("email", "=", "expiry@example.org").executeTakeFirstOrThrow();
      const token = await openSession(database.db, Number(user.id), null);
      const visitor = new CookieJarVisitor(app);
      visitor.cookies.set("navette_session", token);
      expect(await (await visitor.request("/")).text()).toContain("Se déconnecter");
      await database.db
        .updateTable("sessions")
        .set({ expires_at: "2000-01-01T00:00:00.000Z" })
        .where("user_id", "=", Number(user.id))
        .execute();
      expect(await (await visitor.request("/")).text()).not.toContain("Se déconnecter");

      const disabled = await database.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "disabled@example.org")
        .executeTakeFirstOrThrow();
      const open = await openSession(database.db, Number(disabled.id), null);
      const holder = new CookieJarVisitor(app);
      holder.cookies.set("navette_session", open);
      expect(await (await holder.request("/")).text()).toContain("Se déconnecter");
      // Disabled directly in the database: the session row is still there, the check must refuse it.
      await database.db.updateTable("users").set({ disabled: 1 }).where("id", "=", Number(disabled.id)).execute();
      expect(await (await holder.request("/")).text()).not.toContain("Se déconnecter");
      expect((await from("192.0.2.14").login("disabled@example.org", PASSWORD)).status).toBe(401);
    });

    it("purges expired sessions, old login attempts and forgotten devices, and nothing still in use", async () => {
      const user = await database.db.selectFrom("users").select("id").where("email", "=", "expiry@example.org").executeTakeFirstOrThrow();
      const expired = await openSession(database.db, Number(user.id), null);
      const live = await openSession(database.db, Number(user.id), null);
      await database.db
        .updateTable("sessions")
        .set({ expires_at: "2001-01-01T00:00:00.000Z" })
        .where("id_hash", "=", hashToken(expired))
        .execute();
      const recent = new Date().toISOString();
      await database.db
        .insertInto("login_attempts")
        .values([
          { key: "ip:old", at: "2001-01-01T00:00:00.000Z", attempt: null },
          { key: "ip:recent", at: recent, attempt: null },
        ])
        .execute();
      await database.db
        .insertInto("known_devices")
        .values([
          { token_hash: "old-device", email: "expiry@example.org", created_at: "2001-01-01T00:00:00.000Z" },
          { token_hash: "recent-device", email: "expiry@example.org", created_at: recent },
        ])
        .execute();
      const purged = await purgeExpired(database.db);
      expect(purged.sessions).toBeGreaterThanOrEqual(1);
      const sessions = (await database.db.selectFrom("sessions").select("id_hash").execute()).map((r) => r.id_hash);
      expect(sessions).not.toContain(hashToken(expired));
      expect(sessions).toContain(hashToken(live));
      const keys = (await database.db.selectFrom("login_attempts").select("key").where("key", "in", ["ip:old", "ip:recent"]).execute()).map(
        (r) => r.key,
      );
      expect(keys).toEqual(["ip:recent"]);
      const devices = (
        await database.db
          .selectFrom("known_devices")
          .select("token_hash")
          .where("token_hash", "in", ["old-device", "recent-device"])
          .execute()
      ).map((r) => r.token_hash);
      expect(devices).toEqual(["recent-device"]);
    });

    it("refuses weak passwords at invitation, and answers « account exists » only a few times per link", async () => {
      const admin = from("192.0.2.15");
      expect((await admin.login("admin@example.org", PASSWORD)).status).toBe(303);
      const link = await admin.invitationLink("volunteer");
      const holder = new CookieJarVisitor(app);
      const csrf = await holder.csrf(link);
      const submit = (email: string, motdepasse: string) =>
        holder.request(link, { method: "POST", form: { _csrf: csrf, nom: "Dominique", email, motdepasse } });
      const weak = await submit("dominique@example.org", "aaaaaaaaaaaa");
      expect(weak.status).toBe(400);
      expect(await weak.text()).toContain("trop facile à deviner");
      for (const name of ["race", "victim", "expiry"]) expect((await submit(`${name}@example.org`, PASSWORD)).status).toBe(400);
      expect((await submit("admin@example.org", PASSWORD)).status).toBe(429);
    });

    it("sends a CSP with no inline style or script, base-uri, form-action, and a Permissions-Policy", async () => {
      const response = await app.request("/");
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(response.headers.get("permissions-policy")).toContain("camera=()");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await response.text()).toMatch(/name="htmx-config" content="\{(&quot;|")includeIndicatorStyles(&quot;|"):false\}"/);
    });
  });
}
