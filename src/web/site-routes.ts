/**
 * What every site serves besides its pages: static assets (versioned, compressed), the favicon
 * address browsers ask for, and the health check.
 */
import { Hono } from "hono";
import type { DatabaseHandle } from "../../db/connection.js";
import { assetPath, type Asset } from "./assets.js";
import { acceptsGzip } from "./page-cache.js";
import type { SessionVariables } from "./session.js";

/** GET /assets/:name, /favicon.ico, /healthz. */
export function siteRoutes(handle: DatabaseHandle, assets: ReadonlyMap<string, Asset>): Hono<{ Variables: SessionVariables }> {
  const { db } = handle;
  const routes = new Hono<{ Variables: SessionVariables }>();
  routes.get("/assets/:name", (c) => {
    const asset = assets.get(c.req.param("name"));
    if (!asset) return c.text("Introuvable", 404);
    c.header("Content-Type", asset.type);
    // Pages address assets with their content hash: a versioned address never changes content.
    c.header("Cache-Control", c.req.query("v") === asset.version ? "public, max-age=31536000, immutable" : "public, max-age=300");
    c.header("ETag", `"${asset.version}"`);
    c.header("Vary", "Accept-Encoding");
    if (c.req.header("If-None-Match") === `"${asset.version}"`) return c.body(null, 304);
    if (acceptsGzip(c.req.header("Accept-Encoding"))) {
      c.header("Content-Encoding", "gzip");
      return c.body(asset.gzip);
    }
    return c.body(asset.body);
  });

  // Browsers and feed readers ask for /favicon.ico whatever the page says.
  routes.get("/favicon.ico", (c) => c.redirect(assetPath("favicon.svg"), 301));

  routes.get("/healthz", async (c) => {
    await db.selectFrom("dossiers").select("uid").limit(1).execute();
    return c.json({ ok: true, database: handle.dialect });
  });
  return routes;
}
