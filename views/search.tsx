/**
 * Search page: full text over articles and amendments, snippets with the match highlighted,
 * filters, and a feed of the search (a saved search).
 */
import type { SearchHitView } from "./models.js";
import { Layout } from "./layout.js";
import { provisionPath } from "./format.js";

export function SearchPage(props: { query: string; kind: string | null; hits: readonly SearchHitView[] }) {
  const params = new URLSearchParams({ q: props.query, ...(props.kind ? { type: props.kind } : {}) });
  return (
    <Layout
      title={props.query ? `Recherche : ${props.query}` : "Recherche"}
      feed={
        props.query
          ? { title: `Recherche « ${props.query} »`, path: `/flux/recherche`, follow: "Suivre cette recherche", query: params.toString() }
          : undefined
      }
    >
      <h1>Recherche</h1>
      <form method="get" action="/recherche" class="search-form" role="search">
        <label>
          Mots cherchés{" "}
          <input
            type="search"
            name="q"
            value={props.query}
            autocomplete="off"
            hx-get="/recherche"
            hx-trigger="input changed delay:300ms, search"
            hx-target="#resultats"
            hx-select="#resultats"
            hx-swap="outerHTML"
            hx-push-url="true"
            hx-include="closest form"
          />
        </label>{" "}
        <label>
          Dans{" "}
          <select name="type">
            <option value="">articles et amendements</option>
            <option value="article" selected={props.kind === "article"}>
              articles
            </option>
            <option value="amendement" selected={props.kind === "amendement"}>
              amendements
            </option>
          </select>
        </label>{" "}
        <button type="submit">Chercher</button>
      </form>
      <section id="resultats" aria-live="polite">
        {props.query === "" ? (
          <p class="muted">Cherchez dans le texte des articles suivis et des amendements (accents et majuscules ignorés).</p>
        ) : props.hits.length === 0 ? (
          <p class="empty">Aucun résultat pour « {props.query} ».</p>
        ) : (
          <>
            {props.hits.some((h) => h.byArticle) ? (
              <p class="muted results-note">D'abord ce qui porte sur l'article cherché, puis ce que le texte intégral trouve.</p>
            ) : null}
            <ol class="results">
              {props.hits.map((hit) => {
                const href =
                  hit.kind === "article" ? provisionPath(hit.dossierUid, hit.ref) : `/amendements/${encodeURIComponent(hit.ref)}`;
                return (
                  <li class={hit.byArticle ? "by-article" : undefined}>
                    <a href={href}>{hit.title}</a>
                    {hit.outcome ? <span class={`outcome outcome-${hit.outcome.value}`}> — {hit.outcome.sentence}</span> : null}
                    {hit.context ? <p class="muted result-context">{hit.context}</p> : null}
                    <p class="snippet">{hit.extract.map((part) => (part.mark ? <mark>{part.text}</mark> : part.text))}</p>
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </section>
    </Layout>
  );
}
