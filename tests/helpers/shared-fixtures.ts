/**
 * Access to the real open-data files in ../shared/fixtures (present in CI, maybe not on a fresh
 * clone): tests that need them skip with a visible message when they are absent.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** Folder of the shared fixtures, next to the project. */
export const SHARED_FIXTURES = path.resolve(import.meta.dirname, "..", "..", "..", "shared", "fixtures");

/** True when `../shared/fixtures/<sub>` exists; logs why tests will be skipped otherwise. */
export function hasSharedFixtures(sub: string): boolean {
  const present = existsSync(path.join(SHARED_FIXTURES, sub));
  if (!present) {
    console.warn(`[navette] ../shared/fixtures/${sub} absent : les tests de conformité sur données réelles sont IGNORÉS (skipped).`);
  }
  return present;
}

/** Files of `../shared/fixtures/<sub>` (sorted), or [] when absent. */
export function sharedFiles(sub: string): string[] {
  const dir = path.join(SHARED_FIXTURES, sub);
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

export function sharedPath(sub: string, name: string): string {
  return path.join(SHARED_FIXTURES, sub, name);
}
