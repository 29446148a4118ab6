/**
 * A volunteer's page: the annotations they wrote that the visitor may see.
 */
import type { AnnotationView } from "./models.js";
import { Layout } from "./layout.js";
import { frenchDate, provisionPath } from "./format.js";

export function VolunteerPage(props: { name: string; annotations: ReadonlyArray<AnnotationView & { dossierTitle: string }> }) {
  return (
    <Layout title={`Annotations de ${props.name}`}>
      <h1>Annotations de {props.name}</h1>
      {props.annotations.length === 0 ? <p class="empty">Aucune annotation visible.</p> : null}
      <ul class="volunteer-annotations">
        {props.annotations.map((a) => (
          <li>
            <a href={`${provisionPath(a.dossierUid, a.provisionId)}#annotation-${a.id}`}>
              {a.dossierTitle} — article {a.provisionId}
            </a>{" "}
            <span class="muted">({frenchDate(a.createdAt)})</span>
            {a.visibility === "staff" ? <span class="badge">réservée à l'équipe</span> : null}
            {a.hidden ? <span class="badge">masquée</span> : null}
            <div class="annotation-body" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
          </li>
        ))}
      </ul>
    </Layout>
  );
}
