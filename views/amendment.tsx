/**
 * Amendment page: dispositif, exposé, authors, outcome, links.
 */
import type { getAmendment } from "../src/web/queries.js";
import { OUTCOME_LABELS, AUTHOR_TYPE_LABELS, type AmendmentOutcome, type AuthorType } from "../src/domain/amendment.js";
import { Layout } from "./layout.js";
import { frenchDate, provisionPath } from "./format.js";

type AmendmentView = NonNullable<Awaited<ReturnType<typeof getAmendment>>>;

export function AmendmentPage(props: { view: AmendmentView }) {
  const { amendment: a, identical, subAmendments, parent, provisionId, dossier } = props.view;
  const target =
    a.target_kind === "article_additionnel"
      ? `${a.target_position === "avant" ? "Avant" : "Après"} l'article ${a.target_article}`
      : (a.target_label ?? (a.target_article ? `Article ${a.target_article}` : "—"));
  return (
    <Layout title={`Amendement ${a.number_long}`}>
      {dossier ? (
        <p class="breadcrumb">
          <a href="/">Textes suivis</a> › <a href={`/dossiers/${encodeURIComponent(dossier.uid)}`}>{dossier.title}</a>
        </p>
      ) : null}
      <h1>Amendement n° {a.number_long}</h1>
      <dl class="facts">
        <dt>Sort</dt>
        <dd>
          <span class={`badge outcome-${a.outcome}`}>{OUTCOME_LABELS[a.outcome as AmendmentOutcome] ?? a.outcome}</span>{" "}
          {a.outcome_detail ?? ""} {a.decided_at ? <span class="muted">({frenchDate(a.decided_at)})</span> : null}
        </dd>
        <dt>Auteur</dt>
        <dd>
          {a.author_name ?? "—"} <span class="muted">({AUTHOR_TYPE_LABELS[a.author_type as AuthorType] ?? a.author_type})</span>
        </dd>
        {a.signatories ? (
          <>
            <dt>Signataires</dt>
            <dd>{a.signatories}</dd>
          </>
        ) : null}
        <dt>Cible</dt>
        <dd>
          {provisionId && dossier ? <a href={provisionPath(dossier.uid, provisionId)}>{target}</a> : target}
          {a.target_alinea ? `, alinéa ${a.target_alinea}` : ""}
        </dd>
        <dt>Étape</dt>
        <dd>
          {a.stage === "commission" ? "Commission" : a.stage === "seance" ? "Séance publique" : "—"}, texte{" "}
          {a.text_number ?? a.text_uid ?? "—"}, déposé le {frenchDate(a.deposited_at)}
        </dd>
        {parent ? (
          <>
            <dt>Sous-amendement de</dt>
            <dd>
              <a href={`/amendements/${encodeURIComponent(parent.uid)}`}>{parent.number_long}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {a.notice ? <p class="notice">{a.notice}</p> : null}
      <h2>Dispositif</h2>
      {a.dispositif_html ? (
        <div class="imported" dangerouslySetInnerHTML={{ __html: a.dispositif_html }} />
      ) : (
        <p class="empty">Non publié.</p>
      )}
      <h2>Exposé sommaire</h2>
      {a.expose_html ? <div class="imported" dangerouslySetInnerHTML={{ __html: a.expose_html }} /> : <p class="empty">Non publié.</p>}
      {identical.length > 0 ? (
        <>
          <h2>Amendements identiques</h2>
          <ul>
            {identical.map((i) => (
              <li>
                <a href={`/amendements/${encodeURIComponent(i.uid)}`}>{i.number_long}</a> — {i.author_name ?? "—"} (
                {OUTCOME_LABELS[i.outcome as AmendmentOutcome] ?? i.outcome})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {subAmendments.length > 0 ? (
        <>
          <h2>Sous-amendements</h2>
          <ul>
            {subAmendments.map((i) => (
              <li>
                <a href={`/amendements/${encodeURIComponent(i.uid)}`}>{i.number_long}</a> — {i.author_name ?? "—"} (
                {OUTCOME_LABELS[i.outcome as AmendmentOutcome] ?? i.outcome})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}
