/**
 * Bill page: the steps of the navette, texts and amendment counts, latest changes.
 */
import type { DossierDetail } from "../src/web/queries.js";
import { OUTCOME_LABELS, type AmendmentOutcome } from "../src/domain/amendment.js";
import { READING_LABELS, STAGE_LABELS, type Reading, type Stage } from "../src/domain/dossier.js";
import { Layout } from "./layout.js";
import { frenchDate } from "./format.js";

const PLACE_LABELS: Record<string, string> = {
  AN: "Assemblée nationale",
  SN: "Sénat",
  CMP: "CMP",
  CC: "Conseil constitutionnel",
  PR: "Président de la République",
};

const EVENT_LABELS: Record<string, string> = {
  "amendment.filed": "Amendement déposé",
  "amendment.outcome_changed": "Sort d'un amendement",
  "amendment.updated": "Amendement modifié",
  "dossier.created": "Dossier créé",
  "dossier.step_added": "Nouvelle étape",
  "dossier.updated": "Dossier mis à jour",
  "text.created": "Nouveau texte",
};

function label<T extends string>(labels: Readonly<Record<T, string>>, value: string): string {
  return (labels as Record<string, string>)[value] ?? value;
}

export function DossierPage(props: { detail: DossierDetail }) {
  const { dossier, steps, texts, amendmentsByText, events } = props.detail;
  const countsFor = (textUid: string | null) => amendmentsByText.filter((r) => r.text_uid === textUid);
  return (
    <Layout title={dossier.title}>
      <h1>{dossier.title}</h1>
      <p class="muted">
        {dossier.procedure ?? "Procédure inconnue"} · dossier {dossier.uid}
        {dossier.senat_url ? (
          <>
            {" · "}
            <a href={dossier.senat_url} rel="noopener">
              dossier du Sénat
            </a>
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
              <span class="date">{frenchDate(step.date)}</span> <strong>{label(READING_LABELS, step.reading as Reading)}</strong> —{" "}
              {PLACE_LABELS[step.place] ?? step.place}, {label(STAGE_LABELS, step.stage as Stage)}
              {step.outcome ? <span class="outcome"> : {step.outcome}</span> : null}
              {step.text_uid ? (
                <div class="text-ref">
                  Texte {text?.number ? `n° ${text.number}` : step.text_uid}
                  {text?.title ? ` — ${text.title}` : ""}
                  {total > 0 ? (
                    <span class="muted">
                      {" "}
                      · {total} amendements (
                      {counts.map((c) => `${c.n} ${label(OUTCOME_LABELS, c.outcome as AmendmentOutcome).toLowerCase()}`).join(", ")})
                    </span>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <h2>Derniers changements</h2>
      {events.length === 0 ? (
        <p class="empty">Aucun changement enregistré.</p>
      ) : (
        <ul class="events">
          {events.map((event) => (
            <li>
              <span class="date">{frenchDate(event.occurred_at ?? event.recorded_at)}</span> {EVENT_LABELS[event.kind] ?? event.kind}
              {event.article ? ` — article ${event.article}` : ""} <span class="muted">({event.subject_id})</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
