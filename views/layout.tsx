/**
 * Page frame shared by every page: header, navigation, local CSS and htmx.
 */
import type { Child } from "hono/jsx";
import { pageContext } from "./context.js";

/** Wraps a page body. */
export interface FeedLink {
  readonly title: string;
  /** Path without extension: ".atom" and ".rss" are appended. */
  readonly path: string;
  /** Visible link text ("Suivre cet article"). */
  readonly follow: string;
  /** Query string of the feed (saved searches). */
  readonly query?: string;
}

function feedHref(feed: FeedLink, format: "atom" | "rss"): string {
  return `${feed.path}.${format}${feed.query ? `?${feed.query}` : ""}`;
}

export function Layout(props: { title: string; children: Child; feed?: FeedLink }) {
  const { visitor, assetPath } = pageContext();
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* htmx would add an inline <style> that the CSP refuses: its indicator styles are in navette.css. */}
        <meta name="htmx-config" content='{"includeIndicatorStyles":false}' />
        <title>{`${props.title} — Navette`}</title>
        <link rel="stylesheet" href={assetPath("navette.css")} />
        <link rel="icon" type="image/svg+xml" href={assetPath("favicon.svg")} />
        <script src={assetPath("htmx.min.js")} defer></script>
        {props.feed ? (
          <>
            <link rel="alternate" type="application/atom+xml" title={`${props.feed.title} (Atom)`} href={feedHref(props.feed, "atom")} />
            <link rel="alternate" type="application/rss+xml" title={`${props.feed.title} (RSS)`} href={feedHref(props.feed, "rss")} />
          </>
        ) : null}
      </head>
      <body hx-headers={visitor?.user ? JSON.stringify({ "X-CSRF-Token": visitor.csrfToken }) : undefined}>
        <header class="site">
          <a class="brand" href="/">
            Navette
          </a>
          <span class="tagline">Suivi des articles et amendements à travers la navette parlementaire</span>
          <nav class="site-nav" aria-label="Sections">
            <a href="/dossiers">Textes</a> <a href="/themes">Thèmes</a> <a href="/codes">Codes</a> <a href="/suivis">Suivis</a>
          </nav>
          <form class="header-search" method="get" action="/recherche" role="search">
            <label>
              <span class="visually-hidden">Rechercher</span>
              <input type="search" name="q" placeholder="Rechercher un article, un amendement…" />
            </label>
          </form>
          <span class="account">
            {visitor?.user ? (
              <>
                {visitor.user.displayName}{" "}
                {visitor.user.role === "admin" ? (
                  <>
                    <a href="/admin/utilisateurs">Comptes</a>{" "}
                  </>
                ) : null}
                <form method="post" action="/deconnexion" class="inline">
                  <input type="hidden" name="_csrf" value={visitor.csrfToken} />
                  <button type="submit">Se déconnecter</button>
                </form>
              </>
            ) : (
              <a href="/connexion">Connexion</a>
            )}
          </span>
        </header>
        <main id="contenu">
          {props.feed ? (
            <p class="follow">
              <a href={feedHref(props.feed, "atom")} class="follow-link">
                {props.feed.follow}
              </a>{" "}
              (<a href={feedHref(props.feed, "atom")}>Atom</a>, <a href={feedHref(props.feed, "rss")}>RSS</a>)
            </p>
          ) : null}
          {props.children}
        </main>
        <footer class="site">Données : open data de l'Assemblée nationale et du Sénat. Logiciel libre.</footer>
      </body>
    </html>
  );
}
