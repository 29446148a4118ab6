/// <reference lib="dom" />
/**
 * The deployment the README recommends, for real: `navette serve` (the built CLI, SQLite file)
 * behind nginx from Debian terminating TLS with a certificate made for the test, configured with
 * NAVETTE_PUBLIC_URL and NAVETTE_TRUST_PROXY=1. Chromium signs in and annotates through the proxy;
 * the session cookie is Secure; the client address nginx saw is the one recorded, not one the
 * client wrote in X-Forwarded-For; a body over the limit is refused. Skipped, with a message,
 * when nginx, openssl or Chromium is missing.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { request as httpsRequest } from "node:https";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import SQLite from "better-sqlite3";
import { hasChromium, launchBrowser, ARTIFACTS } from "../helpers/browser.js";
import { tempDir } from "../helpers/fixtures.js";
import { answers, freePort, waitFor } from "../helpers/net.js";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
const hasOpenssl = spawnSync("openssl", ["version"]).status === 0;
const ready = Boolean(NGINX) && hasOpenssl && hasChromium;
if (!ready)
  console.warn(
    "[navette] nginx, openssl ou chromium absent : le test de déploiement derrière un mandataire TLS est IGNORÉ (skipped). Paquets Debian : nginx-light, openssl, chromium.",
  );

const PASSWORD = "correct horse battery staple";

function nginxConfig(dir: string, tlsPort: number, appPort: number): string {
  const asRoot = process.getuid?.() === 0 ? "user root;" : "";
  return `${asRoot}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${tlsPort} ssl;
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    client_max_body_size 2m;
    location / {
      proxy_pass http://127.0.0.1:${appPort};
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
}

/** A request over TLS to the test's own certificate (not verified), as a client outside would send it. */
function tls(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method: init.method ?? "GET", headers: init.headers, rejectUnauthorized: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

/** The cookies a response sets, as a Cookie header. */
const cookiesOf = (headers: Record<string, string | string[] | undefined>): string =>
  [headers["set-cookie"] ?? []]
    .flat()
    .map((c) => c.split(";")[0])
    .join("; ");

function collect(child: ChildProcess): () => string {
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  return () => output;
}

describe.skipIf(!ready)("behind an HTTPS reverse proxy (nginx, TLS)", () => {
  const dir = tempDir();
  const database = path.join(dir, "navette.sqlite");
  let origin = "";
  let navette: ChildProcess;
  let nginx: ChildProcess;
  let navetteOutput: () => string;
  let browser: Browser;

  beforeAll(async () => {
    const [tlsPort, appPort] = [await freePort(), await freePort()];
    origin = `https://127.0.0.1:${tlsPort}`;
    const env = {
      ...process.env,
      DATABASE_URL: database,
      PORT: String(appPort),
      HOST: "127.0.0.1",
      NAVETTE_PUBLIC_URL: origin,
      NAVETTE_TRUST_PROXY: "1",
      NAVETTE_PASSWORD: PASSWORD,
    };
    const made = spawnSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        path.join(dir, "key.pem"),
        "-out",
        path.join(dir, "cert.pem"),
      ],
      { encoding: "utf8" },
    );
    expect(made.status, made.stderr).toBe(0);
    const user = spawnSync(
      process.execPath,
      ["bin/navette.js", "utilisateur", "ajouter", "--role", "volunteer", "--email", "dom@example.org", "--nom", "Dominique"],
      {
        cwd: ROOT,
        env,
        encoding: "utf8",
      },
    );
    expect(user.status, user.stderr).toBe(0);
    navette = spawn(process.execPath, ["bin/navette.js", "serve", "--demo"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    navetteOutput = collect(navette);
    for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, sub), { recursive: true });
    writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, tlsPort, appPort));
    nginx = spawn(NGINX!, ["-c", path.join(dir, "nginx.conf"), "-p", dir, "-e", path.join(dir, "error.log")], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const nginxOutput = collect(nginx);
    expect(await waitFor(() => answers(`http://127.0.0.1:${appPort}/healthz`), 60_000), navetteOutput()).toBe(true);
    const up = await waitFor(async () => (await tls(`${origin}/healthz`).catch(() => ({ status: 0 }))).status === 200, 10_000);
    expect(up, nginxOutput()).toBe(true);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    nginx?.kill("SIGTERM");
    navette?.kill("SIGTERM");
  });

  it("lets a volunteer sign in and annotate through the proxy, with a Secure cookie and no CSP error", async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const console: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") console.push(m.text());
    });
    await page.goto(
      `${origin}/connexion?suite=${encodeURIComponent("/dossiers/DLR5L17N99901/articles/8%20ter%40SN1-COM-FOND-RAPPORT%231")}`,
    );
    await page.getByLabel("Adresse électronique").fill("dom@example.org");
    await page.getByLabel("Mot de passe").fill(PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page
      .waitForURL((u) => u.pathname.includes("/articles/"), { timeout: 10_000 })
      .catch(async () => {
        throw new Error(`after sign-in: ${page.url()}\n${(await page.content()).slice(0, 1500)}\n${navetteOutput()}`);
      });
    const session = (await context.cookies()).find((c) => c.name === "navette_session");
    expect(session?.secure).toBe(true);
    await page.waitForFunction(() => "htmx" in window);
    const form = page.locator("form.annotation-form");
    await form.locator('select[name="etape"]').selectOption("SN1-COM-FOND-RAPPORT#1");
    await form.locator('textarea[name="corps"]').fill("Relu derrière le mandataire : **accès au contenu** des messageries.");
    await form.getByRole("button", { name: "Publier" }).click();
    await page.waitForFunction(() => document.querySelectorAll("#annotations article.annotation").length === 1);
    expect(await page.locator("#annotations article.annotation strong").innerText()).toBe("accès au contenu");
    await page.screenshot({ path: path.join(ARTIFACTS, "derriere-mandataire.png"), fullPage: true });
    expect(console).toEqual([]);
    await context.close();
  });

  it("records the address the proxy saw, not the one a client wrote, and links feeds to the public address", async () => {
    const form = await tls(`${origin}/connexion`);
    const cookie = cookiesOf(form.headers);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? "";
    const failed = await tls(`${origin}/connexion`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: origin, "X-Forwarded-For": "6.6.6.6", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: csrf, email: "dom@example.org", motdepasse: "pas le bon" }).toString(),
    });
    expect(failed.status).toBe(401);
    const db = new SQLite(database, { readonly: true });
    const last = db.prepare("SELECT ip FROM audit_log WHERE action = 'login.failed' ORDER BY id DESC LIMIT 1").get() as { ip: string };
    db.close();
    expect(last.ip).toBe("127.0.0.1");
    const feed = (await tls(`${origin}/flux/dossiers/DLR5L17N99901.atom`, { headers: { Host: "evil.example" } })).body;
    expect(feed).toContain(`href="${origin}/dossiers/DLR5L17N99901"`);
    expect(feed).not.toContain("evil.example");
  });

  it("refuses an oversized body with 413 through the proxy, and keeps serving", async () => {
    const big = await tls(`${origin}/connexion`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "a=" + "x".repeat(1024 * 1024),
    });
    expect(big.status).toBe(413);
    expect((await tls(`${origin}/`)).status).toBe(200);
    expect(navetteOutput()).not.toMatch(/Error|erreur interne/i);
  });
});
