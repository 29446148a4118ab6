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
import { searchDocuments, type SearchHit } from "../../db/store/search.js";
import { searchResults, type SearchResult } from "../../db/read/search.js";
import { searchExtract } from "../domain/search-extract.js";
import { lawNumbered, outcomeSentence, targetPhrase, amendmentNumberLabel, personDisplayName } from "../domain/wording.js";
import { examLabel } from "../../views/partials/amendments.js";
import type { SearchHitView } from "../../views/models.js";
import { SearchPage } from "../../views/search.js";
import { NotFoundPage } from "../../views/not-found.js";
import type { SessionVariables } from "./session.js";

/** The query of a search page or feed (`q`, `type`). */
function searchQuery(c: Context): { query: string; kind: string | null } {
  const query = (c.req.query("q") ?? "").slice(0, 200).trim();
  const kind = c.req.query("type") === "article" || c.req.query("type") === "amendement" ? (c.req.query("type") as string) : null;
  return { query, kind };
}

/** The query of a search page or feed (`q`, `type`) and what the full text finds. */
export async function searchFor(handle: DatabaseHandle, c: Context): Promise<{ query: string; kind: string | null; hits: SearchHit[] }> {
  const { query, kind } = searchQuery(c);
  const hits = query ? await searchDocuments(handle.db, handle.dialect, query, { kind, limit: 50 }) : [];
  return { query, kind, hits };
}

/** The author named in an amendment's indexed title (« Amendement 12 (article 8) — Mme DURAND »). */
function authorOf(title: string): string | null {
  const author = title.split(" — ")[1];
  return author ? personDisplayName(author) : null;
}

/** A result as the page shows it: the words as the reader reads them, never codes. */
function searchHitView(result: SearchResult, query: string): SearchHitView {
  const a = result.amendment;
  const article = result.article ? `Article ${lawNumbered(result.article)}` : null;
  return {
    kind: result.kind,
    ref: result.ref,
    dossierUid: result.dossierUid,
    title: a
      ? `Amendement ${amendmentNumberLabel(a.number)}${targetPhrase({ kind: a.targetKind, position: a.targetPosition, article: result.article ? lawNumbered(result.article) : null })}`
      : (article ?? result.title),
    context: a
      ? [examLabel(a.chamber, a.stage), authorOf(result.title)].filter(Boolean).join(" · ")
      : // « Article 8 ter — <the bill's title> », the title itself holding « — » (« Démonstration — proposition de loi … »).
        result.title.split(" — ").slice(1).join(" — ") || null,
    outcome: a
      ? { value: a.outcome, sentence: outcomeSentence(a.outcome, { stage: a.stage, chamber: a.chamber, date: a.decidedAt }) }
      : null,
    byArticle: result.byArticle,
    extract: searchExtract(result.body, query),
  };
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
    const { query, kind } = searchQuery(c);
    const results = query ? await searchResults(handle.db, handle.dialect, query, kind) : [];
    return c.html(<SearchPage query={query} kind={kind} hits={results.map((r) => searchHitView(r, query))} />);
  });
  return routes;
}
