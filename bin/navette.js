#!/usr/bin/env node
// Entry point of the `navette` command: runs the compiled CLI (built by `npm run build`, done by `npm ci`).
import("../dist/src/cli/main.js").catch((error) => {
  if (error && error.code === "ERR_MODULE_NOT_FOUND") {
    console.error("navette : le code n'est pas compilé. Lancez d'abord « npm run build ».");
    process.exit(1);
  }
  throw error;
});
