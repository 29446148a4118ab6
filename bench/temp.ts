/**
 * Temporary folders for benchmarks.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** A fresh temporary folder. */
export function tempDir(prefix = "navette-bench-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}
