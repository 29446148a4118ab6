/**
 * Every bill followed (/dossiers).
 */
import { Layout } from "./layout.js";
import type { DossierSummary } from "./models.js";
import { DossiersTable } from "./partials/dossiers.js";

export function DossiersIndexPage(props: { dossiers: readonly DossierSummary[] }) {
  return (
    <Layout title="Tous les textes" feed={{ title: "Tous les changements", path: "/flux/tout", follow: "Suivre tous les changements" }}>
      <h1>Tous les textes</h1>
      {props.dossiers.length === 0 ? <p class="empty">Aucun texte importé.</p> : <DossiersTable dossiers={props.dossiers} />}
    </Layout>
  );
}
