/**
 * One place for configuration: the environment is read in src/config.ts and nowhere else in the
 * application (src, db, ingest, views), so that every setting is documented and checked once.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

describe("configuration", () => {
  it("is read from the environment in src/config.ts only", () => {
    const readers = ["src", "db", "ingest", "views"]
      .flatMap(sources)
      .filter((file) => file !== path.join("src", "config.ts"))
      .filter((file) => /process\.env/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(readers).toEqual([]);
  });
});
