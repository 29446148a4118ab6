/**
 * The amendments of a provision, with filters (text, sort, author type, group) that htmx applies in
 * place; without JavaScript the form reloads the page with the same address.
 */
import { AmendmentsByGroup, groupOutcomes } from "./amendments-by-group.js";
import { AuthorRole } from "../amendment.js";
import { amendmentNumberLabel } from "../../src/domain/wording.js";
import type { ProvisionAmendment } from "../models.js";
import { amendmentFilterOptions, filterAmendments, groupLabel, type AmendmentFilter } from "../amendment-filter.js";
import { OUTCOME_LABELS, AUTHOR_TYPE_LABELS } from "../../src/domain/amendment.js";
import { labelOf as label, plural } from "../format.js";
import { TableScroll } from "./scroll.js";

/** The section: heading, filter form and the table (the part htmx swaps). */
export function AmendmentsSection(props: {
  path: string;
  amendments: readonly ProvisionAmendment[];
  filter: AmendmentFilter;
  stepOfText: ReadonlyMap<string, string>;
}) {
  const options = amendmentFilterOptions(props.amendments);
  const select = (name: keyof AmendmentFilter, title: string, values: string[], show: (v: string) => string) => (
    <label>
      {title}{" "}
      <select name={name}>
        <option value="">tous</option>
        {values.map((v) => (
          <option value={v} selected={props.filter[name] === v}>
            {show(v)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section class="amendments-section">
      <h2>Amendements ({props.amendments.length})</h2>
      {props.amendments.length === 0 ? (
        <p class="empty">Aucun amendement importé sur cet article.</p>
      ) : (
        <>
          {props.amendments.length > 1 ? (
            <AmendmentsByGroup
              rows={groupOutcomes(props.amendments.map((a) => ({ group: a.groupName ?? a.groupRef, outcome: a.outcome })))}
              caption="Amendements de cet article par groupe et par sort"
            />
          ) : null}
          <form
            class="filters"
            method="get"
            action={`${props.path}#amendements`}
            hx-get={`${props.path}/amendements`}
            hx-target="#amendements"
            hx-swap="outerHTML"
            hx-trigger="change, submit"
          >
            {select("texte", "Étape", options.texte, (v) => props.stepOfText.get(v) ?? v)}{" "}
            {select("sort", "Sort", options.sort, (v) => label(OUTCOME_LABELS, v))}{" "}
            {select("auteur", "Auteur", options.auteur, (v) => label(AUTHOR_TYPE_LABELS, v))}{" "}
            {options.groupe.length > 0 ? select("groupe", "Groupe", options.groupe, (v) => groupLabel(props.amendments, v)) : null}{" "}
            <button type="submit">Filtrer</button>
          </form>
          <AmendmentsTable shown={filterAmendments(props.amendments, props.filter)} total={props.amendments.length} />
        </>
      )}
    </section>
  );
}

/** « Sénat, séance », « Assemblée, commission »: where an amendment was examined. */
export function examLabel(chamber: string, stage: string | null): string {
  const place = chamber === "SN" ? "Sénat" : chamber === "AN" ? "Assemblée" : chamber;
  return stage === "commission" ? `${place}, commission` : stage === "seance" ? `${place}, séance` : place;
}

/** The filtered table, in discussion order where known. */
export function AmendmentsTable(props: { shown: readonly ProvisionAmendment[]; total: number }) {
  return (
    <div id="amendements" aria-live="polite">
      <p class="muted">
        {props.shown.length === props.total
          ? `${plural(props.total, "amendement")}.`
          : `${plural(props.shown.length, "amendement")} sur ${props.total}.`}
      </p>
      {props.shown.length === 0 ? (
        <p class="empty">Aucun amendement ne correspond à ces filtres.</p>
      ) : (
        <TableScroll label="Amendements">
          <table class="amendments">
            <thead>
              <tr>
                <th scope="col">N°</th>
                <th scope="col">Examen</th>
                <th scope="col">Auteur</th>
                <th scope="col">Cible</th>
                <th scope="col">Sort</th>
                <th scope="col">Dispositif</th>
              </tr>
            </thead>
            <tbody>
              {props.shown.map((a) => (
                <tr class={`outcome-${a.outcome}`}>
                  <td>
                    <a href={`/amendements/${encodeURIComponent(a.uid)}`}>{amendmentNumberLabel(a.numberLong)}</a>
                    {a.parentUid ? <span class="muted"> (sous-amendement)</span> : null}
                  </td>
                  <td>{examLabel(a.chamber, a.stage)}</td>
                  <td>
                    {a.authorName ?? "—"}
                    <AuthorRole type={a.authorType} name={a.authorName} />
                  </td>
                  <td>
                    {a.targetKind === "article_additionnel"
                      ? `${a.targetPosition === "avant" ? "Avant" : "Après"} l'article ${a.targetArticle}`
                      : `Article ${a.targetArticle}`}
                    {a.alinea ? `, alinéa ${a.alinea}` : ""}
                  </td>
                  <td>
                    <span class={`badge outcome-${a.outcome}`}>{label(OUTCOME_LABELS, a.outcome)}</span>
                    {a.outcomeDetail ? <span class="muted"> {a.outcomeDetail}</span> : null}
                  </td>
                  <td>{a.summary ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
