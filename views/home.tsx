/**
 * Home page: the bills Navette follows.
 */
import type { DossierSummary } from "../src/web/queries.js";
import { Layout } from "./layout.js";
import { frenchDate, plural } from "./format.js";

export function HomePage(props: { dossiers: DossierSummary[] }) {
  return (
    <Layout title="Textes suivis">
      <h1>Textes suivis</h1>
      {props.dossiers.length === 0 ? (
        <p class="empty">
          Aucun texte importé. Importez un dossier législatif avec <code>navette ingest an-dossiers &lt;fichier&gt;</code>.
        </p>
      ) : (
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
                <td>{d.procedure ?? "—"}</td>
                <td>{frenchDate(d.lastStepDate)}</td>
                <td>
                  {plural(d.amendments, "amendement")}
                  {d.amendments > 0 ? <span class="muted"> dont {d.adopted} adoptés</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
