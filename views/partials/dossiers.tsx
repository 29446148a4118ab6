/**
 * The table of bills: title, procedure, date of the last step, amendments and how many
 * were adopted. Shown on the home page and on /dossiers.
 */
import type { DossierSummary } from "../models.js";
import { frenchDate, outcomeCount, plural } from "../format.js";
import { TableScroll } from "./scroll.js";

export function DossiersTable(props: { dossiers: readonly DossierSummary[] }) {
  return (
    <TableScroll label="Textes">
      <table class="dossiers">
        <thead>
          <tr>
            <th scope="col">Texte</th>
            <th scope="col">Procédure</th>
            <th scope="col">Dernière étape</th>
            <th scope="col">Amendements</th>
          </tr>
        </thead>
        <tbody>
          {props.dossiers.map((d) => (
            <tr>
              <td>
                <a href={`/dossiers/${encodeURIComponent(d.uid)}`}>{d.title}</a>
                {d.legislature ? <span class="muted"> — {d.legislature}e législature</span> : null}
              </td>
              <td>{d.partial ? <span class="badge partial">connu par ses amendements</span> : (d.procedure ?? "—")}</td>
              <td>{d.partial ? "—" : frenchDate(d.lastStepDate)}</td>
              <td>
                {plural(d.amendments, "amendement")}
                {d.amendments > 0 ? <span class="muted"> dont {outcomeCount(d.adopted, "adopte")}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
