#!/usr/bin/env node
// Entry point of the `navette` command: runs the compiled CLI (dist/, built by `npm ci`).
// When the TypeScript sources are present and newer than the build (a developer edited them),
// it rebuilds first; otherwise it starts at once from what is built.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "dist", "src", "cli", "main.js");
const BUILD_CONFIG = path.join(root, "tsconfig.build.json");

/** Newest modification time of the sources tsconfig.build.json compiles (0 when none are shipped). */
function newestSource() {
  let newest = 0;
  if (!existsSync(BUILD_CONFIG)) return newest;
  const folders = JSON.parse(readFileSync(BUILD_CONFIG, "utf8")).include ?? [];
  const visit = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) visit(full);
      else if (/\.tsx?$/.test(item.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const folder of folders) if (existsSync(path.join(root, folder))) visit(path.join(root, folder));
  for (const file of ["tsconfig.json", "tsconfig.build.json"])
    if (existsSync(path.join(root, file))) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  return newest;
}

function rebuildIfStale() {
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
  if (!existsSync(tsc) || newestSource() <= built) return;
  console.error("navette : sources modifiées depuis la dernière compilation, compilation…");
  const result = spawnSync(process.execPath, [tsc, "-p", BUILD_CONFIG], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("navette : la compilation a échoué (voir ci-dessus).");
    process.exit(1);
  }
}

rebuildIfStale();
import(entry).catch((error) => {
  if (error && error.code === "ERR_MODULE_NOT_FOUND") {
    console.error("navette : le code n'est pas compilé. Lancez d'abord « npm run build ».");
    process.exit(1);
  }
  throw error;
});
