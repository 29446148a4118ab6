/**
 * Amendment page: dispositif, exposé, authors, outcome, links.
 */
import type { AmendmentView } from "./models.js";
import { OUTCOME_LABELS } from "../src/domain/amendment.js";
import { amendmentNumberLabel, authorRole, foundWordsSentence, personDisplayName } from "../src/domain/wording.js";
import { Layout } from "./layout.js";
import { creditBalance, formatEuros, type CreditTable } from "../src/domain/credit-table.js";
import { frenchDate, labelOf, provisionPath } from "./format.js";

export function AmendmentPage(props: { view: AmendmentView; themeLabels: ReadonlyMap<string, string> }) {
  const { amendment: a, credits, identical, subAmendments, parent, provisionId, dossier, officialUrl, authorUrl, themes } = props.view;
  const target =
    a.target_kind === "article_additionnel"
      ? `${a.target_position === "avant" ? "Avant" : "Après"} l'article ${a.target_article}`
      : (a.target_label ?? (a.target_article ? `Article ${a.target_article}` : "—"));
  return (
    <Layout title={`Amendement ${amendmentNumberLabel(a.number_long)}`}>
      {dossier ? (
        <p class="breadcrumb">
          <a href="/dossiers">Textes</a> › <a href={`/dossiers/${encodeURIComponent(dossier.uid)}`}>{dossier.title}</a>
        </p>
      ) : null}
      <h1>Amendement n° {amendmentNumberLabel(a.number_long)}</h1>
      <dl class="facts">
        <dt>Sort</dt>
        <dd>
          <span class={`badge outcome-${a.outcome}`}>{labelOf(OUTCOME_LABELS, a.outcome)}</span> {a.outcome_detail ?? ""}{" "}
          {a.decided_at ? <span class="muted">({frenchDate(a.decided_at)})</span> : null}
        </dd>
        <dt>Auteur</dt>
        <dd>
          {authorUrl && a.author_name ? <a href={authorUrl}>{a.author_name}</a> : (a.author_name ?? "—")}
          <AuthorRole type={a.author_type} name={a.author_name} />
        </dd>
        {a.group_name ? (
          <>
            <dt>Groupe</dt>
            <dd>{a.group_name}</dd>
          </>
        ) : null}
        {a.signatories ? (
          <>
            <dt>Signataires</dt>
            <dd>{personDisplayName(a.signatories)}</dd>
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
              <a href={`/amendements/${encodeURIComponent(parent.uid)}`}>{amendmentNumberLabel(parent.number_long)}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {a.notice ? <p class="notice">{a.notice}</p> : null}
      {themes.length > 0 ? (
        <>
          <h2>Thèmes</h2>
          <ul class="themes">
            {themes.map((t) => (
              <li class="theme">
                <a class="badge theme-badge" href={`/themes/${encodeURIComponent(t.theme)}`}>
                  {props.themeLabels.get(t.theme) ?? t.theme}
                </a>{" "}
                <span class="muted">mots trouvés : {foundWordsSentence(t.evidence)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Dispositif</h2>
      {a.dispositif_html ? (
        <div class="imported" dangerouslySetInnerHTML={{ __html: a.dispositif_html }} />
      ) : credits ? (
        <CreditTableView table={credits} />
      ) : (
        <p class="empty">Non publié.</p>
      )}
      <h2>Exposé sommaire</h2>
      {a.expose_html ? <div class="imported" dangerouslySetInnerHTML={{ __html: a.expose_html }} /> : <p class="empty">Non publié.</p>}
      <AmendmentList title="Amendements identiques" amendments={identical} />
      <AmendmentList title="Sous-amendements" amendments={subAmendments} />
      {officialUrl ? (
        <p class="official-link">
          <a href={officialUrl}>Voir l'amendement sur le site {a.chamber === "SN" ? "du Sénat" : "de l'Assemblée nationale"}</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** « , rapporteure », « , Gouvernement »: the role beside an author when the name does not say it. */
export function AuthorRole(props: { type: string; name: string | null }) {
  const role = authorRole(props.type, props.name);
  return role ? <span class="muted">, {role}</span> : null;
}

/** The credits a budget amendment moves, programme by programme, with the balance. */
function CreditTableView(props: { table: CreditTable }) {
  const balance = creditBalance(props.table);
  const amount = (value: number) => <td class={`amount ${value > 0 ? "plus" : value < 0 ? "minus" : ""}`}>{formatEuros(value)}</td>;
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-label="Tableau de crédits">
      <table class="credits">
        <caption>Modification de crédits{props.table.mission ? ` — mission « ${props.table.mission} »` : ""}</caption>
        <thead>
          <tr>
            <th scope="col">Programme</th>
            <th scope="col">Autorisations d'engagement</th>
            <th scope="col">Crédits de paiement</th>
          </tr>
        </thead>
        <tbody>
          {props.table.lines.map((line) => (
            <tr>
              <th scope="row">{line.programme}</th>
              {amount(line.ae)}
              {amount(line.cp)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Solde</th>
            {amount(balance.ae)}
            {amount(balance.cp)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** A titled list of related amendments (identical ones, sub-amendments); nothing when empty. */
function AmendmentList(props: {
  title: string;
  amendments: ReadonlyArray<{ uid: string; number_long: string; author_name: string | null; outcome: string }>;
}) {
  if (props.amendments.length === 0) return null;
  return (
    <>
      <h2>{props.title}</h2>
      <ul>
        {props.amendments.map((i) => (
          <li>
            <a href={`/amendements/${encodeURIComponent(i.uid)}`}>{amendmentNumberLabel(i.number_long)}</a> — {i.author_name ?? "—"} (
            {labelOf(OUTCOME_LABELS, i.outcome)})
          </li>
        ))}
      </ul>
    </>
  );
}
