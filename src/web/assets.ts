/**
 * Static assets served by Navette itself (htmx from node_modules, the stylesheet): kept in
 * memory, addressed with a content hash so that they can be cached for long.
 */
import { createHash } from "node:crypto";
import { gzipped } from "./page-cache.js";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { projectRoot } from "../project-root.js";

/** A static asset kept in memory. */
export interface Asset {
  readonly body: string;
  readonly type: string;
  /** Short content hash, used in the asset's address. */
  readonly version: string;
  /** The body compressed once (served to clients that accept gzip). */
  readonly gzip: Uint8Array<ArrayBuffer>;
}

let assets: Map<string, Asset> | null = null;

/** The assets, read once. */
export function staticAssets(): ReadonlyMap<string, Asset> {
  if (assets) return assets;
  const require = createRequire(import.meta.url);
  const files: Array<[string, string, string]> = [
    ["htmx.min.js", require.resolve("htmx.org/dist/htmx.min.js"), "text/javascript; charset=utf-8"],
    ["navette.css", path.join(projectRoot(), "views", "assets", "navette.css"), "text/css; charset=utf-8"],
    ["favicon.svg", path.join(projectRoot(), "views", "assets", "favicon.svg"), "image/svg+xml"],
  ];
  assets = new Map(
    files.map(([name, file, type]) => {
      const body = readFileSync(file, "utf8");
      return [name, { body, type, version: createHash("sha256").update(body).digest("hex").slice(0, 12), gzip: gzipped(body) }];
    }),
  );
  return assets;
}

/** Address of an asset, with its version ("/assets/navette.css?v=1a2b3c4d5e6f"). */
export function assetPath(name: string): string {
  const asset = staticAssets().get(name);
  return asset ? `/assets/${name}?v=${asset.version}` : `/assets/${name}`;
}
