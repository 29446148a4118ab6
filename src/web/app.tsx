/**
 * The web application: pages read from the database and render on the server.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { Hono } from "hono";
import type { DatabaseHandle } from "../../db/connection.js";
import { projectRoot } from "../project-root.js";
import { getDossier, listDossiers } from "./queries.js";
import { HomePage } from "../../views/home.js";
import { DossierPage } from "../../views/dossier.js";
import { NotFoundPage } from "../../views/not-found.js";

/** A static asset kept in memory. */
interface Asset {
  readonly body: string;
  readonly type: string;
}

function loadAssets(): Map<string, Asset> {
  const require = createRequire(import.meta.url);
  const htmx = require.resolve("htmx.org/dist/htmx.min.js");
  return new Map([
    ["htmx.min.js", { body: readFileSync(htmx, "utf8"), type: "text/javascript; charset=utf-8" }],
    [
      "navette.css",
      { body: readFileSync(path.join(projectRoot(), "views", "assets", "navette.css"), "utf8"), type: "text/css; charset=utf-8" },
    ],
  ]);
}

/** Builds the Hono application over an open database. */
export function createApp(handle: DatabaseHandle): Hono {
  const { db } = handle;
  const assets = loadAssets();
  const app = new Hono();

  app.use("*", async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
    c.header(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
    );
  });

  app.get("/assets/:name", (c) => {
    const asset = assets.get(c.req.param("name"));
    if (!asset) return c.text("Introuvable", 404);
    c.header("Content-Type", asset.type);
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(asset.body);
  });

  app.get("/healthz", async (c) => {
    await db.selectFrom("dossiers").select("uid").limit(1).execute();
    return c.json({ ok: true, database: handle.dialect });
  });

  app.get("/", async (c) => c.html(<HomePage dossiers={await listDossiers(db)} />));

  app.get("/dossiers/:uid", async (c) => {
    const detail = await getDossier(db, c.req.param("uid"));
    if (!detail) return c.html(<NotFoundPage what={`Aucun dossier « ${c.req.param("uid")} ».`} />, 404);
    return c.html(<DossierPage detail={detail} />);
  });

  app.notFound((c) => c.html(<NotFoundPage what={`Aucune page à l'adresse ${c.req.path}.`} />, 404));
  app.onError((error, c) => {
    console.error(`erreur sur ${c.req.method} ${c.req.path} :`, error);
    return c.html(<NotFoundPage what="Une erreur interne est survenue ; elle a été journalisée." />, 500);
  });
  return app;
}
