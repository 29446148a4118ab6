/**
 * Home page: the bills Navette follows.
 */
import type { DossierSummary } from "../src/web/queries.js";
import { Layout } from "./layout.js";
import { frenchDate, provisionPath } from "./format.js";
import { DossiersTable } from "./partials/dossiers.js";

/** One recent change, already described. */
export interface RecentChange {
  readonly date: string;
  readonly title: string;
  readonly path: string;
  readonly dossierTitle: string | null;
}

export function HomePage(props: {
  dossiers: DossierSummary[];
  recent: readonly RecentChange[];
  tagged: ReadonlyMap<string, ReadonlyArray<{ id: string; number: string; themes: string[] }>>;
  themeLabels: ReadonlyMap<string, string>;
}) {
  return (
    <Layout title="Textes suivis" feed={{ title: "Tous les changements", path: "/flux/tout", follow: "Suivre tous les changements" }}>
      <h1>Textes suivis</h1>
      {props.dossiers.length === 0 ? (
        <p class="empty">
          Aucun texte importé. Importez un dossier législatif avec <code>navette ingest an-dossiers &lt;fichier&gt;</code>.
        </p>
      ) : (
        <DossiersTable dossiers={props.dossiers} />
      )}
      {props.tagged.size > 0 ? (
        <>
          <h2>Articles touchant à la surveillance</h2>
          {props.dossiers
            .filter((d) => props.tagged.has(d.uid))
            .map((d) => (
              <section class="tagged-dossier">
                <h3>
                  <a href={`/dossiers/${encodeURIComponent(d.uid)}`}>{d.title}</a>
                </h3>
                <ul class="tagged">
                  {props.tagged.get(d.uid)!.map((p) => (
                    <li>
                      <a href={provisionPath(d.uid, p.id)}>Article {p.number}</a>{" "}
                      {p.themes.map((t) => (
                        <a class="badge theme-badge" href={`/themes/${encodeURIComponent(t)}`}>
                          {props.themeLabels.get(t) ?? t}
                        </a>
                      ))}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
        </>
      ) : null}
      <h2>Derniers changements</h2>
      {props.recent.length === 0 ? (
        <p class="empty">Aucun changement enregistré.</p>
      ) : (
        <ul class="events">
          {props.recent.map((r) => (
            <li>
              <span class="date">{frenchDate(r.date)}</span> <a href={r.path}>{r.title}</a>
              {r.dossierTitle ? <span class="muted"> — {r.dossierTitle}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
