/**
 * The web application: pages read from the database and render on the server. Cross-cutting
 * checks are middleware (security headers, body limit, session and CSRF, page cache); the routes
 * live in one module per part of the site, mounted here.
 */
import { refuseOversizedBody } from "./security/oversized-body.js";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { contextStorage } from "hono/context-storage";
import { webConfig, type WebConfig } from "../config.js";
import type { DatabaseHandle } from "../../db/connection.js";
import { assetPath, staticAssets } from "./assets.js";
import { loadRules } from "../importer/rules.js";
import { sessionMiddleware, type SessionVariables } from "./session.js";
import { accountRoutes } from "./account-routes.js";
import { annotationRoutes } from "./annotation-routes.js";
import { followRoutes } from "./follow-routes.js";
import { themeDecisionRoutes } from "./theme-decision-routes.js";
import { siteRoutes } from "./site-routes.js";
import { billRoutes } from "./bill-routes.js";
import { indexRoutes } from "./index-routes.js";
import { feedRoutes } from "./feed-routes.js";
import { NotFoundPage } from "../../views/not-found.js";
import { pageCache } from "./page-cache.js";
import { ErrorPage } from "../../views/error.js";

/**
 * Security headers (Hono's secureHeaders): a CSP with no inline script or style, no base or form
 * elsewhere, no framing; features the site never uses switched off.
 */
function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      styleSrc: ["'self'"],
      scriptSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [], fullscreen: [] },
    referrerPolicy: "same-origin",
    crossOriginEmbedderPolicy: false,
  });
}

declare module "hono" {
  interface ContextVariableMap {
    /** Versioned address of a static asset, for the views (views/context.ts). */
    assetPath: (name: string) => string;
  }
}

/** Largest request body accepted (an annotation is at most a few kilobytes), checked before any parsing. */
export const MAX_BODY_BYTES = 256 * 1024;

/** The addresses of pages and feeds, which only change when the data does (see page-cache.ts). */
const PAGE_PATHS = [
  "/",
  "/dossiers",
  "/dossiers/*",
  "/themes",
  "/themes/*",
  "/codes",
  "/codes/*",
  "/recherche",
  "/amendements/*",
  "/flux/*",
];

/** Builds the Hono application over an open database. */
export function createApp(handle: DatabaseHandle, web: WebConfig = webConfig()): Hono<{ Variables: SessionVariables }> {
  const { db } = handle;
  const assets = staticAssets();
  const rules = loadRules(web.rulesFile);
  const themeLabels = new Map(rules.themes.map((t) => [t.id, t.label]));
  const app = new Hono<{ Variables: SessionVariables }>();
  app.use("*", contextStorage());
  // The page frame (views/context.ts) reads the versioned asset addresses from the request's context.
  app.use("*", async (c, next) => {
    c.set("assetPath", assetPath);
    await next();
  });
  app.use("*", securityHeaders());
  const tooLarge = `Requête refusée : corps de plus de ${MAX_BODY_BYTES / 1024} Ko.`;
  // An announced oversized body is read and dropped, then refused with the connection closed; one
  // without a length is cut by bodyLimit.
  app.use("*", refuseOversizedBody(MAX_BODY_BYTES, tooLarge));
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.text(tooLarge, 413, { Connection: "close" }),
    }),
  );
  // Assets, feeds and the health check need no session.
  app.use(
    "*",
    sessionMiddleware(db, web, (path) => path.startsWith("/assets/") || path.startsWith("/flux/") || path === "/healthz"),
  );
  // Pages and feeds: ETag from the data version, 304 for repeat visits, anonymous pages kept rendered.
  const cache = pageCache(db, { publicUrl: web.publicUrl });
  for (const path of PAGE_PATHS) app.use(path, cache);
  accountRoutes(app, handle, web);
  annotationRoutes(app, db);
  themeDecisionRoutes(app, db, new Set(themeLabels.keys()));
  followRoutes(app, db);
  app.route("/", siteRoutes(handle, assets));
  app.route("/", billRoutes(db, themeLabels));
  app.route("/", indexRoutes(handle, rules));
  app.route("/", feedRoutes(handle, web, rules, themeLabels));

  app.notFound((c) => c.html(<NotFoundPage what={`Aucune page à l'adresse ${c.req.path}.`} />, 404));
  app.onError((error, c) => {
    console.error(`erreur sur ${c.req.method} ${c.req.path} :`, error);
    return c.html(<ErrorPage status={500} what="Une erreur interne est survenue ; elle a été journalisée." />, 500);
  });
  return app;
}
