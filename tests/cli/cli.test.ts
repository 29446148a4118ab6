/**
 * The `navette` command run as a real process, on a real SQLite file.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { amendmentSpec, tempDir, writeAmendmentFolder } from "../helpers/fixtures.js";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

function navette(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/main.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, NAVETTE_DATA_DIR: dataDir, DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("navette CLI", () => {
  it("prints help for every command", () => {
    const data = tempDir();
    for (const args of [["--help"], ["migrate", "--help"], ["ingest", "--help"], ["serve", "--help"], ["demo", "--help"]]) {
      const { code, stdout } = navette(args, data);
      expect(code, args.join(" ")).toBe(0);
      expect(stdout).toMatch(/Usage/);
    }
    expect(navette(["ingest", "--help"], data).stdout).toContain("an-amendements");
  });

  it("refuses unknown commands and sources with a message, not a stack trace", () => {
    const data = tempDir();
    const unknown = navette(["frobnicate"], data);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("commande inconnue « frobnicate »");
    const source = navette(["ingest", "senat-xyz", "x"], data);
    expect(source.code).toBe(1);
    expect(source.stderr).toContain("source inconnue « senat-xyz »");
    const missing = navette(["ingest", "an-amendements", "/nulle/part"], data);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("fichier ou dossier introuvable");
    expect(missing.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("migrates, ingests with a summary, and says by its exit code that some records failed", () => {
    const data = tempDir();
    expect(navette(["migrate"], data).code).toBe(0);
    const folder = writeAmendmentFolder([amendmentSpec({ number: 1 }), amendmentSpec({ number: 2 })]);
    const ok = navette(["ingest", "an-amendements", folder, "--quiet"], data);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("2 nouveaux, 0 modifiés, 0 inchangés, 0 en erreur");
    writeFileSync(path.join(folder, "cassé.xml"), "<amendement><uid>");
    const partial = navette(["ingest", "an-amendements", folder, "--quiet"], data);
    expect(partial.code).toBe(2);
    expect(partial.stdout).toContain("0 nouveaux, 0 modifiés, 2 inchangés, 1 en erreur");
    expect(partial.stderr).toContain("erreur : cassé.xml : XML mal formé");
  });

  it("loads the demo once", () => {
    const data = tempDir();
    expect(navette(["demo"], data).stdout).toContain("13 nouveaux");
    expect(navette(["demo"], data).stdout).toContain("0 nouveaux, 0 modifiés, 13 inchangés");
  });
});
