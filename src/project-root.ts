/**
 * The project's root folder (where package.json is), from source or from the compiled dist/.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | null = null;

/** Absolute path of the folder holding Navette's package.json. */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("package.json de Navette introuvable");
    dir = parent;
  }
  cached = dir;
  return dir;
}
