/**
 * The web application: pages read from the database and render on the server.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { webConfig, type WebConfig } from "../config.js";
import { siteOrigin } from "./security/client.js";
import type { DatabaseHandle } from "../../db/connection.js";
import { assetPath, staticAssets } from "./assets.js";
import {
  getAmendment,
  getCodeArticleSubjects,
  getDossier,
  getDossierThemes,
  getProvision,
  getProvisionMatrix,
  getProvisionThemes,
  getTaggedProvisionsByDossier,
  getThemeCounts,
  getThemeSubjects,
  listCodeArticles,
  listDossiers,
} from "./queries.js";
import { loadRules } from "../importer/rules.js";
import { ThemePage, CodeArticlePage, CodesIndexPage, ThemesIndexPage } from "../../views/theme.js";
import { DossiersIndexPage } from "../../views/dossiers.js";
import { groupChanges } from "./changes.js";
import { diffArticles } from "../domain/navette/diff.js";
import { PROVISION_STATUSES } from "../domain/navette/engine.js";
import { ProvisionPage } from "../../views/provision.js";
import { AmendmentPage } from "../../views/amendment.js";
import { DiffPanel } from "../../views/partials/diff.js";
import { stepLabel } from "../../views/format.js";
import { annotationsEditedAt, buildFeed, describeFeedEvent, feedEvents, feedVocabulary, latestChanges, type FeedScope } from "./feeds.js";
import { searchDocuments, snippet } from "../../db/store/search.js";
import { SearchPage } from "../../views/search.js";
import type { Context } from "hono";
import { contextStorage } from "hono/context-storage";
import { sessionMiddleware, type SessionVariables } from "./session.js";
import { accountRoutes } from "./account-routes.js";
import { annotationError, annotationItems, annotationRoutes } from "./annotation-routes.js";
import { followRoutes } from "./follow-routes.js";
import { themeDecisionRoutes } from "./theme-decision-routes.js";
import { amendmentFilterQuery, filterAmendments, parseAmendmentFilter } from "../../views/amendment-filter.js";
import { AmendmentsTable } from "../../views/partials/amendments.js";
import { provisionPath } from "../../views/format.js";
import { hasRole } from "../accounts/roles.js";
import { HomePage } from "../../views/home.js";
import { DossierPage } from "../../views/dossier.js";
import { NotFoundPage } from "../../views/not-found.js";
import { acceptsGzip, pageCache } from "./page-cache.js";
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
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.text(`Requête refusée : corps de plus de ${MAX_BODY_BYTES / 1024} Ko.`, 413),
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

  app.get("/assets/:name", (c) => {
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
  app.get("/favicon.ico", (c) => c.redirect(assetPath("favicon.svg"), 301));

  app.get("/healthz", async (c) => {
    await db.selectFrom("dossiers").select("uid").limit(1).execute();
    return c.json({ ok: true, database: handle.dialect });
  });

  app.get("/", async (c) => {
    const dossiers = await listDossiers(db);
    const titles = new Map(dossiers.map((d) => [d.uid, d.title]));
    const latest = await latestChanges(db, 20);
    const vocabulary = await feedVocabulary(db, latest, themeLabels);
    const recent = latest.map((event) => ({
      ...describeFeedEvent(event, vocabulary),
      date: event.occurred_at ?? event.recorded_at,
      dossierTitle: event.dossier_uid ? (titles.get(event.dossier_uid) ?? null) : null,
    }));
    return c.html(
      <HomePage
        dossiers={dossiers}
        recent={recent}
        tagged={await getTaggedProvisionsByDossier(
          db,
          dossiers.map((d) => d.uid),
        )}
        themeLabels={themeLabels}
        since={new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 86_400_000).toISOString()}
      />,
    );
  });

  app.get("/dossiers/:uid", async (c) => {
    const detail = await getDossier(db, c.req.param("uid"));
    if (!detail) return c.html(<NotFoundPage what={`Aucun dossier « ${c.req.param("uid")} ».`} />, 404);
    const requested = c.req.query("statut") ?? "";
    const filter = (PROVISION_STATUSES as readonly string[]).includes(requested) ? requested : null;
    const theme = c.req.query("theme") ?? "";
    const changes = groupChanges(detail.events, detail.steps, await feedVocabulary(db, detail.events, themeLabels));
    return c.html(
      <DossierPage
        detail={detail}
        changes={changes}
        matrix={await getProvisionMatrix(db, detail.dossier.uid)}
        filter={filter}
        themeFilter={themeLabels.has(theme) ? theme : null}
        themes={await getDossierThemes(db, detail.dossier.uid)}
        themeLabels={themeLabels}
      />,
    );
  });

  /** The two versions compared: the query's when valid, else the previous step and the last one. */
  const chooseVersions = (detail: NonNullable<Awaited<ReturnType<typeof getProvision>>>, from?: string, to?: string) => {
    const keys = detail.steps.map((s) => s.stepKey);
    const last = keys[keys.length - 1] ?? null;
    const toKey = to && keys.includes(to) ? to : last;
    const toIndex = toKey ? keys.indexOf(toKey) : -1;
    const fromKey = from && keys.includes(from) ? from : (keys[Math.max(0, toIndex - 1)] ?? null);
    const fromState = detail.steps.find((s) => s.stepKey === fromKey);
    const toState = detail.steps.find((s) => s.stepKey === toKey);
    const diff = fromState && toState ? diffArticles(fromState.alineas, toState.alineas) : null;
    return { fromKey, toKey, diff, fromLabel: fromState ? stepLabel(fromState) : "—", toLabel: toState ? stepLabel(toState) : "—" };
  };

  app.get("/dossiers/:uid/articles/:pid", async (c) => {
    const detail = await getProvision(db, c.req.param("uid"), c.req.param("pid"));
    if (!detail) return c.html(<NotFoundPage what={`Aucun article « ${c.req.param("pid")} » dans ce dossier.`} />, 404);
    const { fromKey, toKey, diff } = chooseVersions(detail, c.req.query("de"), c.req.query("a"));
    const shown = c.req.query("montrer") ?? toKey ?? "";
    const { themes, citations } = await getProvisionThemes(db, detail.dossier.uid, detail.id);
    const visitor = c.get("visitor");
    return c.html(
      <ProvisionPage
        themeDecisions={hasRole(visitor.user?.role, "staff") ? { csrf: visitor.csrfToken } : null}
        amendmentFilter={parseAmendmentFilter((name) => c.req.query(name), detail.amendments)}
        annotations={{
          items: await annotationItems(db, detail, visitor, shown),
          signedIn: !!visitor.user,
          csrf: visitor.csrfToken,
          error: annotationError(c.req.query("annotation")),
        }}
        detail={detail}
        from={fromKey}
        to={toKey}
        diff={diff}
        shownStep={shown}
        themes={themes}
        themeLabels={themeLabels}
        citations={citations}
      />,
    );
  });

  app.get("/dossiers/:uid/articles/:pid/amendements", async (c) => {
    const detail = await getProvision(db, c.req.param("uid"), c.req.param("pid"));
    if (!detail) return c.html(<NotFoundPage what="Article introuvable." />, 404);
    const filter = parseAmendmentFilter((name) => c.req.query(name), detail.amendments);
    const query = amendmentFilterQuery(filter);
    const pageUrl = `${provisionPath(detail.dossier.uid, detail.id)}${query ? `?${query}` : ""}`;
    if (c.req.header("HX-Request") !== "true") return c.redirect(`${pageUrl}#amendements`, 303);
    c.header("HX-Push-Url", pageUrl);
    c.header("Vary", "HX-Request");
    return c.html(<AmendmentsTable shown={filterAmendments(detail.amendments, filter)} total={detail.amendments.length} />);
  });

  app.get("/dossiers/:uid/articles/:pid/diff", async (c) => {
    const detail = await getProvision(db, c.req.param("uid"), c.req.param("pid"));
    if (!detail) return c.html(<NotFoundPage what="Article introuvable." />, 404);
    const { diff, fromLabel, toLabel } = chooseVersions(detail, c.req.query("de"), c.req.query("a"));
    const query = new URLSearchParams({ de: c.req.query("de") ?? "", a: c.req.query("a") ?? "" });
    const pageUrl = `/dossiers/${encodeURIComponent(detail.dossier.uid)}/articles/${encodeURIComponent(detail.id)}?${query}`;
    if (c.req.header("HX-Request") === "true") {
      // The address bar shows the page with the chosen versions: shareable, and reloadable without JavaScript.
      c.header("HX-Push-Url", pageUrl);
      c.header("Vary", "HX-Request");
      return c.html(<DiffPanel diff={diff} fromLabel={fromLabel} toLabel={toLabel} />);
    }
    return c.redirect(pageUrl, 303);
  });

  app.get("/dossiers", async (c) => c.html(<DossiersIndexPage dossiers={await listDossiers(db)} />));

  app.get("/themes", async (c) => c.html(<ThemesIndexPage themes={rules.themes} counts={await getThemeCounts(db)} />));

  app.get("/codes", async (c) => c.html(<CodesIndexPage articles={await listCodeArticles(db)} />));

  app.get("/themes/:id", async (c) => {
    const theme = rules.themes.find((t) => t.id === c.req.param("id"));
    if (!theme) return c.html(<NotFoundPage what={`Aucun thème « ${c.req.param("id")} ».`} />, 404);
    const { provisions, amendments } = await getThemeSubjects(db, theme.id);
    return c.html(
      <ThemePage id={theme.id} label={theme.label} description={theme.description} provisions={provisions} amendments={amendments} />,
    );
  });

  app.get("/codes/:code/:article", async (c) => {
    const { provisions, amendments } = await getCodeArticleSubjects(db, c.req.param("code"), c.req.param("article"));
    return c.html(
      <CodeArticlePage code={c.req.param("code")} article={c.req.param("article")} provisions={provisions} amendments={amendments} />,
    );
  });

  const searchFor = async (c: Context) => {
    const query = (c.req.query("q") ?? "").slice(0, 200).trim();
    const kind = c.req.query("type") === "article" || c.req.query("type") === "amendement" ? (c.req.query("type") as string) : null;
    const hits = query ? await searchDocuments(db, handle.dialect, query, { kind, limit: 50 }) : [];
    return { query, kind, hits };
  };

  app.get("/recherche", async (c) => {
    const { query, kind, hits } = await searchFor(c);
    const shown = hits.map((hit) => ({
      kind: hit.kind,
      ref: hit.ref,
      dossierUid: hit.dossierUid,
      title: hit.title,
      snippet: snippet(hit.body, query),
    }));
    return c.html(<SearchPage query={query} kind={kind} hits={shown} />);
  });

  const searchFeed = (format: "atom" | "rss") => async (c: Context) => {
    const { query, kind, hits } = await searchFor(c);
    if (!query) return c.html(<NotFoundPage what="Un flux de recherche demande des mots (paramètre q)." />, 404);
    const subjects = hits.map((h) => (h.kind === "article" ? `${h.dossierUid}/${h.ref}` : h.ref));
    const params = new URLSearchParams({ q: query, ...(kind ? { type: kind } : {}) });
    return serveFeed(c, { kind: "subjects", subjects }, `Recherche « ${query} »`, `/recherche?${params}`, format);
  };
  app.get("/flux/tout.atom", (c) => serveFeed(c, { kind: "all" }, "Navette — tous les changements", "/", "atom"));
  app.get("/flux/tout.rss", (c) => serveFeed(c, { kind: "all" }, "Navette — tous les changements", "/", "rss"));
  app.get("/flux/recherche.atom", searchFeed("atom"));
  app.get("/flux/recherche.rss", searchFeed("rss"));

  app.get("/amendements/:uid", async (c) => {
    const view = await getAmendment(db, c.req.param("uid"));
    if (!view) return c.html(<NotFoundPage what={`Aucun amendement « ${c.req.param("uid")} ».`} />, 404);
    return c.html(<AmendmentPage view={view} />);
  });

  /** Serves a feed with Last-Modified and 304 answers (its ETag is set by the page cache). */
  const serveFeed = async (c: Context, scope: FeedScope, title: string, page: string, format: string | undefined) => {
    if (format !== "rss" && format !== "atom") return c.html(<NotFoundPage what="Format de flux inconnu : utilisez .atom ou .rss." />, 404);
    const events = await feedEvents(db, scope);
    const edited = await annotationsEditedAt(db, events);
    // The ETag (data version) is the page cache's; Last-Modified serves readers that only send If-Modified-Since.
    const lastModified = new Date(Math.max(Date.parse(events[0]?.recorded_at ?? "1970-01-01"), edited ? Date.parse(edited) : 0));
    lastModified.setMilliseconds(0);
    c.header("Last-Modified", lastModified.toUTCString());
    // Links are made from the public address; without one, from the request's Host: then no shared cache may keep them.
    c.header("Cache-Control", web.publicUrl ? "public, max-age=300" : "private, max-age=300");
    if (!web.publicUrl) c.header("Vary", "Host");
    const since = c.req.header("If-Modified-Since");
    if (!c.req.header("If-None-Match") && since && new Date(since).getTime() >= lastModified.getTime()) return c.body(null, 304);
    const origin = siteOrigin(c, web);
    const body = await buildFeed(db, events, { title, origin, self: new URL(c.req.url).pathname, page, format, themeLabels });
    c.header("Content-Type", format === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8");
    return c.body(body);
  };
  const splitFormat = (name: string): [string, string | undefined] => {
    const match = /^(.*)\.(rss|atom)$/.exec(name);
    return match ? [match[1] ?? "", match[2]] : [name, undefined];
  };

  app.get("/flux/dossiers/:uid/articles/:file", async (c) => {
    const [pid, format] = splitFormat(c.req.param("file"));
    const provision = await db
      .selectFrom("provisions")
      .select(["first_number"])
      .where("dossier_uid", "=", c.req.param("uid"))
      .where("provision_id", "=", pid)
      .executeTakeFirst();
    const dossier = await db.selectFrom("dossiers").select(["title"]).where("uid", "=", c.req.param("uid")).executeTakeFirst();
    if (!provision || !dossier) return c.html(<NotFoundPage what="Article introuvable." />, 404);
    const page = `/dossiers/${encodeURIComponent(c.req.param("uid"))}/articles/${encodeURIComponent(pid)}`;
    return serveFeed(
      c,
      { kind: "provision", dossierUid: c.req.param("uid"), provisionId: pid },
      `Article ${provision.first_number} — ${dossier.title}`,
      page,
      format,
    );
  });

  app.get("/flux/dossiers/:file", async (c) => {
    const [uid, format] = splitFormat(c.req.param("file"));
    const dossier = await db.selectFrom("dossiers").select(["title"]).where("uid", "=", uid).executeTakeFirst();
    if (!dossier) return c.html(<NotFoundPage what={`Aucun dossier « ${uid} ».`} />, 404);
    return serveFeed(c, { kind: "dossier", dossierUid: uid }, dossier.title, `/dossiers/${encodeURIComponent(uid)}`, format);
  });

  app.get("/flux/themes/:file", async (c) => {
    const [id, format] = splitFormat(c.req.param("file"));
    const theme = rules.themes.find((t) => t.id === id);
    if (!theme) return c.html(<NotFoundPage what={`Aucun thème « ${id} ».`} />, 404);
    return serveFeed(
      c,
      { kind: "theme", theme: theme.id, label: theme.label },
      `Thème : ${theme.label}`,
      `/themes/${encodeURIComponent(theme.id)}`,
      format,
    );
  });

  app.get("/flux/codes/:code/:file", async (c) => {
    const [article, format] = splitFormat(c.req.param("file"));
    const code = c.req.param("code");
    return serveFeed(
      c,
      { kind: "code", code, article },
      `${code} ${article}`,
      `/codes/${encodeURIComponent(code)}/${encodeURIComponent(article)}`,
      format,
    );
  });

  app.notFound((c) => c.html(<NotFoundPage what={`Aucune page à l'adresse ${c.req.path}.`} />, 404));
  app.onError((error, c) => {
    console.error(`erreur sur ${c.req.method} ${c.req.path} :`, error);
    return c.html(<ErrorPage status={500} what="Une erreur interne est survenue ; elle a été journalisée." />, 500);
  });
  return app;
}
