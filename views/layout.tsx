/**
 * Page frame shared by every page: header, navigation, local CSS and htmx.
 */
import type { Child } from "hono/jsx";
import { assetPath } from "../src/web/assets.js";

/** Wraps a page body. */
export function Layout(props: { title: string; children: Child }) {
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} — Navette`}</title>
        <link rel="stylesheet" href={assetPath("navette.css")} />
        <script src={assetPath("htmx.min.js")} defer></script>
      </head>
      <body>
        <header class="site">
          <a class="brand" href="/">
            Navette
          </a>
          <span class="tagline">Suivi des articles et amendements à travers la navette parlementaire</span>
        </header>
        <main id="contenu">{props.children}</main>
        <footer class="site">Données : open data de l'Assemblée nationale et du Sénat. Logiciel libre.</footer>
      </body>
    </html>
  );
}
