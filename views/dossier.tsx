/**
 * Bill page: the steps of the navette, texts and amendment counts, latest changes.
 */
import type { ChangeGroup } from "./models.js";
import type { DossierDetail, ProvisionMatrix } from "./models.js";
import { PROVISION_STATUS_LABELS, type ProvisionStatus } from "../src/domain/navette/engine.js";
import type { AmendmentOutcome } from "../src/domain/amendment.js";
import { READING_LABELS, STAGE_LABELS } from "../src/domain/dossier.js";
import { Layout } from "./layout.js";
import { anDossierUrl, senatDossierUrl } from "../src/domain/links.js";
import { NavettePicture } from "./partials/navette-picture.js";
import { AmendmentsByGroup, type GroupOutcomes } from "./partials/amendments-by-group.js";
import { frenchDate, labelOf as label, outcomeCount, plural, provisionPath, stepAbbreviation, stepLabel } from "./format.js";

const PLACE_LABELS: Record<string, string> = {
  AN: "Assemblée nationale",
  SN: "Sénat",
  CMP: "CMP",
  CC: "Conseil constitutionnel",
  PR: "Président de la République",
};

const STATUS_SHORT: Record<string, string> = {
  depose: "D",
  new: "N",
  modified: "M",
  unchanged: "=",
  conforme: "C",
  deleted: "S",
  re_established: "R",
  renumbered: "→",
  censured: "X",
  partly_censured: "x",
  absent: "–",
};

/** The article × step matrix: a row per provision, a cell per step with its status. */
function Matrix(props: {
  dossierUid: string;
  matrix: ProvisionMatrix;
  filter: string | null;
  themeFilter: string | null;
  themes: ReadonlyMap<string, string[]>;
  themeLabels: ReadonlyMap<string, string>;
}) {
  const { steps, provisions } = props.matrix;
  const rows = provisions
    .filter((p) => !props.filter || [...p.states.values()].some((s) => s.status === props.filter))
    .filter((p) => !props.themeFilter || (props.themes.get(p.id) ?? []).includes(props.themeFilter));
  const presentThemes = [...new Set([...props.themes.values()].flat())].sort();
  return (
    <section class="matrix-section">
      <h2>Articles à chaque étape</h2>
      <NavettePicture matrix={props.matrix} />
      <form method="get" class="filters">
        <label>
          Statut{" "}
          <select name="statut">
            <option value="">tous</option>
            {Object.entries(PROVISION_STATUS_LABELS)
              .filter(([k]) => k !== "absent")
              .map(([k, v]) => (
                <option value={k} selected={props.filter === k}>
                  {v}
                </option>
              ))}
          </select>
        </label>{" "}
        {presentThemes.length > 0 ? (
          <label>
            Thème{" "}
            <select name="theme">
              <option value="">tous</option>
              {presentThemes.map((t) => (
                <option value={t} selected={props.themeFilter === t}>
                  {props.themeLabels.get(t) ?? t}
                </option>
              ))}
            </select>
          </label>
        ) : null}{" "}
        <button type="submit">Filtrer</button>
      </form>
      {rows.length === 0 ? <p class="empty">Aucun article ne correspond à ces filtres.</p> : null}
      <div class="matrix-scroll">
        <table class="matrix">
          <thead>
            <tr>
              <th scope="col">Article</th>
              {steps.map((s) => (
                <th scope="col" title={stepLabel(s)}>
                  {stepAbbreviation(s)}
                </th>
              ))}
              <th scope="col">
                <abbr title="Amendements">Amdts</abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr>
                <th scope="row">
                  <a href={provisionPath(props.dossierUid, p.id)}>
                    {p.firstNumber === p.lastNumber ? p.firstNumber : `${p.firstNumber} → ${p.lastNumber}`}
                    {p.lawNumber && p.lawNumber !== p.lastNumber ? <span class="law-number"> (art. {p.lawNumber} de la loi)</span> : null}
                  </a>
                  {(props.themes.get(p.id) ?? []).map((theme) => (
                    <>
                      {" "}
                      <a class="badge theme-badge" href={`/themes/${encodeURIComponent(theme)}`}>
                        {props.themeLabels.get(theme) ?? theme}
                      </a>
                    </>
                  ))}
                </th>
                {steps.map((s) => {
                  const state = p.states.get(s.key);
                  const status = state?.status ?? "absent";
                  const title = `${stepLabel(s)} : ${PROVISION_STATUS_LABELS[status as ProvisionStatus] ?? status}`;
                  return (
                    <td class={`cell status-${status}`} title={title}>
                      {state && status !== "absent" ? (
                        <a href={`${provisionPath(props.dossierUid, p.id)}?montrer=${encodeURIComponent(s.key)}`} aria-label={title}>
                          {STATUS_SHORT[status] ?? "?"}
                        </a>
                      ) : state ? (
                        <span aria-label={title}>{STATUS_SHORT["absent"]}</span>
                      ) : null}
                    </td>
                  );
                })}
                <td>{p.amendments}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="legend muted">
        {Object.entries(STATUS_SHORT)
          .filter(([, v]) => v)
          .map(([k, v]) => `${v} ${PROVISION_STATUS_LABELS[k as ProvisionStatus]}`)
          .join(" · ")}
      </p>
      {props.matrix.unattachedAmendments > 0 ? (
        <p class="muted">
          {props.matrix.unattachedAmendments === 1
            ? "1 amendement ne porte sur aucun article suivi (titre, intitulé, article inconnu du texte déposé)."
            : `${plural(props.matrix.unattachedAmendments, "amendement")} ne portent sur aucun article suivi (titres, intitulé, articles inconnus des textes).`}
        </p>
      ) : null}
    </section>
  );
}

export function DossierPage(props: {
  detail: DossierDetail;
  /** What changed, grouped by step (src/web/changes.ts). */
  changes: readonly ChangeGroup[];
  matrix: ProvisionMatrix;
  filter: string | null;
  themeFilter: string | null;
  themes: ReadonlyMap<string, string[]>;
  themeLabels: ReadonlyMap<string, string>;
  /** The bill's amendments by group and outcome. */
  byGroup: readonly GroupOutcomes[];
}) {
  const { dossier, steps, texts, amendmentsByText } = props.detail;
  const countsFor = (textUid: string | null) => amendmentsByText.filter((r) => r.text_uid === textUid);
  return (
    <Layout
      title={dossier.title}
      feed={{ title: dossier.title, path: `/flux/dossiers/${encodeURIComponent(dossier.uid)}`, follow: "Suivre ce texte" }}
    >
      <h1>{dossier.title}</h1>
      <p class="muted">
        {dossier.procedure ?? "Procédure inconnue"}
        {anDossierUrl(dossier.uid, dossier.legislature) ? (
          <>
            {" · "}
            <a href={anDossierUrl(dossier.uid, dossier.legislature) ?? ""}>dossier à l'Assemblée nationale</a>
          </>
        ) : null}
        {senatDossier(dossier) ? (
          <>
            {" · "}
            <a href={senatDossier(dossier) ?? ""}>dossier au Sénat</a>
          </>
        ) : null}
      </p>
      <h2>Étapes de la navette</h2>
      <ol class="timeline">
        {steps.map((step) => {
          const text = step.text_uid ? texts.get(step.text_uid) : undefined;
          const counts = countsFor(step.text_uid);
          const total = counts.reduce((sum, c) => sum + c.n, 0);
          return (
            <li class={step.succeeded ? "step" : "step failed"}>
              <span class="date">{frenchDate(step.date)}</span> <strong>{label(READING_LABELS, step.reading)}</strong> —{" "}
              {PLACE_LABELS[step.place] ?? step.place}, {label(STAGE_LABELS, step.stage)}
              {step.outcome ? <span class="outcome"> : {step.outcome}</span> : null}
              {step.text_uid ? (
                <div class="text-ref">
                  {step.stage === "promulgation" ? "Loi" : "Texte"} {text?.number ? `n° ${text.number}` : step.text_uid}
                  {text?.title ? ` — ${text.title}` : ""}
                  {total > 0 ? (
                    <span class="muted">
                      {" "}
                      · {plural(total, "amendement")} ({counts.map((c) => outcomeCount(c.n, c.outcome as AmendmentOutcome)).join(", ")})
                    </span>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {props.matrix.provisions.length > 0 ? (
        <Matrix
          dossierUid={dossier.uid}
          matrix={props.matrix}
          filter={props.filter}
          themeFilter={props.themeFilter}
          themes={props.themes}
          themeLabels={props.themeLabels}
        />
      ) : (
        <p class="empty">Aucun texte importé pour ce dossier : le suivi article par article apparaîtra quand ses textes seront importés.</p>
      )}
      {props.byGroup.length > 0 ? (
        <>
          <h2>Amendements par groupe</h2>
          <AmendmentsByGroup rows={props.byGroup} caption="Amendements du texte par groupe et par sort" />
        </>
      ) : null}
      <h2>Derniers changements</h2>
      {props.changes.length === 0 ? (
        <p class="empty">Aucun changement enregistré.</p>
      ) : (
        props.changes.map((group) => (
          <section class="change-group">
            <h3>
              {group.heading}
              {group.date ? <span class="muted"> — {frenchDate(group.date)}</span> : null}
            </h3>
            <ul class="events">
              {group.lines.map((line) => (
                <li>
                  <span class="date">{frenchDate(line.date)}</span> <a href={line.path}>{line.title}</a>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </Layout>
  );
}

/** The bill's dossier on the Sénat's site: from its signet, else the address the data gave (in https). */
function senatDossier(dossier: { readonly senat_signet: string | null; readonly senat_url: string | null }): string | null {
  return (
    senatDossierUrl(dossier.senat_signet) ?? (dossier.senat_url?.startsWith("http") ? dossier.senat_url.replace(/^http:/u, "https:") : null)
  );
}
