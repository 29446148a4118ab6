/**
 * Watch feeds (RSS 2.0 and Atom 1.0) of everything, a search, a bill, an article, a theme and a
 * code article, with Last-Modified and 304 answers; their ETag is the page cache's.
 */
import { Hono, type Context } from "hono";
import type { DatabaseHandle } from "../../db/connection.js";
import type { WebConfig } from "../config.js";
import type { RuleSet } from "../domain/tagging/rules.js";
import { codeArticleLabel } from "../domain/tagging/citations.js";
import { readDataChangedAt } from "../../db/store/data-version.js";
import { capitalised } from "../../views/format.js";
import { siteOrigin } from "./security/client.js";
import { annotationsEditedAt, buildFeed, feedEvents, type FeedScope } from "./feeds.js";
import { NotFoundPage } from "../../views/not-found.js";
import { searchFor } from "./index-routes.js";
import type { SessionVariables } from "./session.js";

/** GET /flux/… */
export function feedRoutes(
  handle: DatabaseHandle,
  web: WebConfig,
  rules: RuleSet,
  themeLabels: ReadonlyMap<string, string>,
): Hono<{ Variables: SessionVariables }> {
  const { db } = handle;
  const routes = new Hono<{ Variables: SessionVariables }>();
  const serveFeed = feedServer(db, web, themeLabels);
  routes.get("/flux/dossiers/:uid/articles/:file", async (c) => {
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

  routes.get("/flux/dossiers/:file", async (c) => {
    const [uid, format] = splitFormat(c.req.param("file"));
    const dossier = await db.selectFrom("dossiers").select(["title"]).where("uid", "=", uid).executeTakeFirst();
    if (!dossier) return c.html(<NotFoundPage what={`Aucun dossier « ${uid} ».`} />, 404);
    return serveFeed(c, { kind: "dossier", dossierUid: uid }, dossier.title, `/dossiers/${encodeURIComponent(uid)}`, format);
  });

  routes.get("/flux/themes/:file", async (c) => {
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

  routes.get("/flux/codes/:code/:file", async (c) => {
    const [article, format] = splitFormat(c.req.param("file"));
    const code = c.req.param("code");
    return serveFeed(
      c,
      { kind: "code", code, article },
      capitalised(codeArticleLabel(code, article)),
      `/codes/${encodeURIComponent(code)}/${encodeURIComponent(article)}`,
      format,
    );
  });

  const searchFeed = (format: "atom" | "rss") => async (c: Context) => {
    const { query, kind, hits } = await searchFor(handle, c);
    if (!query) return c.html(<NotFoundPage what="Un flux de recherche demande des mots (paramètre q)." />, 404);
    const subjects = hits.map((h) => (h.kind === "article" ? `${h.dossierUid}/${h.ref}` : h.ref));
    const params = new URLSearchParams({ q: query, ...(kind ? { type: kind } : {}) });
    return serveFeed(c, { kind: "subjects", subjects }, `Recherche « ${query} »`, `/recherche?${params}`, format);
  };
  routes.get("/flux/tout.atom", (c) => serveFeed(c, { kind: "all" }, "Navette — tous les changements", "/", "atom"));
  routes.get("/flux/tout.rss", (c) => serveFeed(c, { kind: "all" }, "Navette — tous les changements", "/", "rss"));
  routes.get("/flux/recherche.atom", searchFeed("atom"));
  routes.get("/flux/recherche.rss", searchFeed("rss"));
  return routes;
}

/** Serves a feed with Last-Modified and 304 answers (its ETag is set by the page cache). */
function feedServer(db: DatabaseHandle["db"], web: WebConfig, themeLabels: ReadonlyMap<string, string>) {
  return async (c: Context, scope: FeedScope, title: string, page: string, format: string | undefined) => {
    if (format !== "rss" && format !== "atom") return c.html(<NotFoundPage what="Format de flux inconnu : utilisez .atom ou .rss." />, 404);
    const events = await feedEvents(db, scope);
    const edited = await annotationsEditedAt(db, events);
    // The ETag (data version) is the page cache's; Last-Modified serves readers that only send If-Modified-Since.
    // It never goes back in time: an item hidden or removed changes the data, so the data's last change counts too
    // (else a client's If-Modified-Since would get 304 for a feed whose item is gone).
    const changed = await readDataChangedAt(db);
    const lastModified = new Date(
      Math.max(Date.parse(events[0]?.recorded_at ?? "1970-01-01"), edited ? Date.parse(edited) : 0, changed ? Date.parse(changed) : 0),
    );
    lastModified.setMilliseconds(0);
    c.header("Last-Modified", lastModified.toUTCString());
    // Links are made from the public address; without one, from the request's Host: then no shared cache may keep them.
    c.header("Cache-Control", web.publicUrl ? "public, max-age=300" : "private, max-age=300");
    if (!web.publicUrl) c.header("Vary", "Host");
    const since = c.req.header("If-Modified-Since");
    if (!c.req.header("If-None-Match") && since && new Date(since).getTime() >= lastModified.getTime()) return c.body(null, 304);
    const origin = siteOrigin(c, web);
    const body = await buildFeed(db, events, { title, origin, self: selfOf(c.req.url), page, format, themeLabels });
    c.header("Content-Type", format === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8");
    return c.body(body);
  };
}

/** A feed's own address: its path, and for a search its query (« /flux/recherche.atom?q=chiffrement »). */
function selfOf(url: string): string {
  const { pathname, searchParams } = new URL(url);
  const kept = new URLSearchParams([...searchParams].filter(([name]) => name === "q" || name === "type"));
  return kept.size > 0 ? `${pathname}?${kept}` : pathname;
}

/** « DLR….atom » → [« DLR… », « atom »]. */
function splitFormat(name: string): [string, string | undefined] {
  const match = /^(.*)\.(rss|atom)$/.exec(name);
  return match ? [match[1] ?? "", match[2]] : [name, undefined];
}
