/**
 * The index pages — bills, themes, code articles — with a theme's and a code article's subjects,
 * and full-text search.
 */
import { Hono, type Context } from "hono";
import type { DatabaseHandle } from "../../db/connection.js";
import { getCodeArticleSubjects, getThemeCounts, getThemeSubjects, listCodeArticles, listDossiers } from "./queries.js";
import type { RuleSet } from "../domain/tagging/rules.js";
import { ThemePage, CodeArticlePage, CodesIndexPage, ThemesIndexPage } from "../../views/theme.js";
import { DossiersIndexPage } from "../../views/dossiers.js";
import { searchDocuments, snippet, type SearchHit } from "../../db/store/search.js";
import { SearchPage } from "../../views/search.js";
import { NotFoundPage } from "../../views/not-found.js";
import type { SessionVariables } from "./session.js";

/** The query of a search page or feed (`q`, `type`) and what it finds. */
export async function searchFor(handle: DatabaseHandle, c: Context): Promise<{ query: string; kind: string | null; hits: SearchHit[] }> {
  const query = (c.req.query("q") ?? "").slice(0, 200).trim();
  const kind = c.req.query("type") === "article" || c.req.query("type") === "amendement" ? (c.req.query("type") as string) : null;
  const hits = query ? await searchDocuments(handle.db, handle.dialect, query, { kind, limit: 50 }) : [];
  return { query, kind, hits };
}

/** GET /dossiers, /themes, /themes/:id, /codes, /codes/:code/:article, /recherche. */
export function indexRoutes(handle: DatabaseHandle, rules: RuleSet): Hono<{ Variables: SessionVariables }> {
  const { db } = handle;
  const routes = new Hono<{ Variables: SessionVariables }>();
  routes.get("/dossiers", async (c) => c.html(<DossiersIndexPage dossiers={await listDossiers(db)} />));

  routes.get("/themes", async (c) => c.html(<ThemesIndexPage themes={rules.themes} counts={await getThemeCounts(db)} />));

  routes.get("/codes", async (c) => c.html(<CodesIndexPage articles={await listCodeArticles(db)} />));

  routes.get("/themes/:id", async (c) => {
    const theme = rules.themes.find((t) => t.id === c.req.param("id"));
    if (!theme) return c.html(<NotFoundPage what={`Aucun thème « ${c.req.param("id")} ».`} />, 404);
    const { provisions, amendments } = await getThemeSubjects(db, theme.id);
    return c.html(
      <ThemePage id={theme.id} label={theme.label} description={theme.description} provisions={provisions} amendments={amendments} />,
    );
  });

  routes.get("/codes/:code/:article", async (c) => {
    const { provisions, amendments } = await getCodeArticleSubjects(db, c.req.param("code"), c.req.param("article"));
    return c.html(
      <CodeArticlePage code={c.req.param("code")} article={c.req.param("article")} provisions={provisions} amendments={amendments} />,
    );
  });

  routes.get("/recherche", async (c) => {
    const { query, kind, hits } = await searchFor(handle, c);
    const shown = hits.map((hit) => ({
      kind: hit.kind,
      ref: hit.ref,
      dossierUid: hit.dossierUid,
      title: hit.title,
      snippet: snippet(hit.body, query),
    }));
    return c.html(<SearchPage query={query} kind={kind} hits={shown} />);
  });
  return routes;
}
