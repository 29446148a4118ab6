/**
 * `npm start` as a newcomer runs it: it serves from what `npm ci` built, with the demo, and a
 * SIGTERM to the npm process stops the server (no node process left answering), after it closed
 * the database.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, statSync, symlinkSync, utimesSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/fixtures.js";
import { answers, freePort, waitFor } from "../helpers/net.js";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

describe("npm start", () => {
  it("serves the demo, and stops entirely on SIGTERM to npm", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const started = Date.now();
    const child = spawn("npm", ["start"], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NAVETTE_DATA_DIR: tempDir(), DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      expect(await waitFor(() => answers(`${url}/healthz`), 45_000), output).toBe(true);
      console.log(`[navette] npm start : première réponse après ${Date.now() - started} ms`);
      const home = await fetch(`${url}/`);
      expect(await home.text()).toMatch(/démonstration/i);

      child.kill("SIGTERM");
      await exited;
      expect(await waitFor(async () => !(await answers(`${url}/healthz`)), 15_000)).toBe(true);
      // Nothing re-parented keeps the port: a second look a moment later still finds it closed.
      await new Promise((r) => setTimeout(r, 500));
      expect(await answers(`${url}/healthz`)).toBe(false);
      expect(output).toContain("arrêté proprement");
    } finally {
      child.kill("SIGKILL");
    }
  }, 90_000);

  it("serve without --demo (the Docker image's command) leaves an empty database empty: no fictional bill reaches the feeds", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ["bin/navette.js", "serve"], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NAVETTE_DATA_DIR: tempDir(), DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    try {
      expect(await waitFor(() => answers(`${url}/healthz`), 45_000), output).toBe(true);
      expect(await (await fetch(`${url}/`)).text()).not.toMatch(/démonstration/i);
      expect(await (await fetch(`${url}/flux/tout.atom`)).text()).not.toContain("<entry>");
    } finally {
      child.kill("SIGKILL");
    }
  }, 90_000);
});

describe("bin/navette.js", () => {
  it("starts from the build, and rebuilds first only when a source is newer than it", () => {
    // A copy of the project (node_modules linked), so that the rebuild does not touch this one's dist/.
    const copy = tempDir();
    for (const item of [
      "bin",
      "dist",
      "src",
      "ingest",
      "db",
      "views",
      "bench",
      "scripts",
      "package.json",
      "tsconfig.json",
      "tsconfig.build.json",
    ])
      cpSync(path.join(ROOT, item), path.join(copy, item), { recursive: true, preserveTimestamps: true });
    symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"));
    const entry = path.join(copy, "dist", "src", "cli", "main.js");
    const run = () => spawnSync(process.execPath, [path.join(copy, "bin", "navette.js"), "--help"], { encoding: "utf8", timeout: 120_000 });
    // Sources older than the build: no compilation.
    const past = new Date(Date.now() - 3600_000);
    utimesSync(path.join(copy, "src", "config.ts"), past, past);
    utimesSync(entry, new Date(), new Date());
    const fresh = run();
    expect(fresh.status).toBe(0);
    expect(fresh.stderr).not.toContain("compilation");
    // A source edited after the build: compiled first, then run.
    const before = statSync(entry).mtimeMs;
    utimesSync(path.join(copy, "src", "config.ts"), new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    const stale = run();
    expect(stale.status).toBe(0);
    expect(stale.stderr).toContain("sources modifiées depuis la dernière compilation");
    expect(stale.stdout).toContain("Usage");
    expect(statSync(entry).mtimeMs).toBeGreaterThan(before);
  }, 150_000);
});
