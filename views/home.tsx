/**
 * Home page, the one an advocate opens every morning: each bill's surveillance articles with
 * their status and last change (new since yesterday marked), then every bill and the latest changes.
 */
import type { DossierSummary, TaggedProvision } from "./models.js";
import { PROVISION_STATUS_LABELS, type ProvisionStatus } from "../src/domain/navette/engine.js";
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
  tagged: ReadonlyMap<string, readonly TaggedProvision[]>;
  themeLabels: ReadonlyMap<string, string>;
  /** Changes learnt after this instant are marked « nouveau » (a day before the request). */
  since: string;
}) {
  return (
    <Layout
      title="Les textes et leurs articles"
      feed={{ title: "Tous les changements", path: "/flux/tout", follow: "Suivre tous les changements" }}
    >
      <h1>Les textes et leurs articles</h1>
      {props.tagged.size > 0 ? (
        <>
          <h2>Articles touchant à la surveillance : où en sont-ils ?</h2>
          {props.dossiers
            .filter((d) => props.tagged.has(d.uid))
            .map((d) => (
              <section class="tagged-dossier">
                <h3>
                  <a href={`/dossiers/${encodeURIComponent(d.uid)}`}>{d.title}</a>
                </h3>
                <ul class="tagged">
                  {props.tagged.get(d.uid)!.map((p) => (
                    <TaggedLine dossierUid={d.uid} provision={p} themeLabels={props.themeLabels} since={props.since} />
                  ))}
                </ul>
              </section>
            ))}
        </>
      ) : null}
      <h2>Tous les textes</h2>
      {props.dossiers.length === 0 ? (
        <p class="empty">
          Aucun texte importé. Importez un dossier législatif avec <code>navette ingest an-dossiers &lt;fichier&gt;</code>.
        </p>
      ) : (
        <DossiersTable dossiers={props.dossiers} />
      )}
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

/** One surveillance article: its number, status, last change (step and date), themes. */
function TaggedLine(props: { dossierUid: string; provision: TaggedProvision; themeLabels: ReadonlyMap<string, string>; since: string }) {
  const p = props.provision;
  const change = p.lastChange;
  return (
    <li>
      <a href={provisionPath(props.dossierUid, p.id)}>Article {p.number}</a>{" "}
      <span class={`badge status-${p.status}`}>{PROVISION_STATUS_LABELS[p.status as ProvisionStatus] ?? p.status}</span>
      {change ? (
        <span class="muted">
          {" "}
          — {change.step}
          {change.date ? `, ${frenchDate(change.date)}` : ""}
        </span>
      ) : null}
      {change && change.recordedAt >= props.since ? (
        <>
          {" "}
          <span class="badge new-change">nouveau</span>
        </>
      ) : null}{" "}
      {p.themes.map((t) => (
        <a class="badge theme-badge" href={`/themes/${encodeURIComponent(t)}`}>
          {props.themeLabels.get(t) ?? t}
        </a>
      ))}
    </li>
  );
}
