/**
 * The annotations panel of a provision page (swapped by htmx after adding, editing or hiding).
 */
import type { AnnotationView } from "../models.js";
import type { Anchor } from "../../src/domain/annotation-anchor.js";
import type { ArticleDiff } from "../../src/domain/navette/diff.js";
import { frenchDate } from "../format.js";

export interface AnnotationItem {
  readonly annotation: AnnotationView;
  readonly anchor: Anchor;
  readonly writtenOnLabel: string;
  readonly diffSince: ArticleDiff | null;
  readonly canEdit: boolean;
}

export function AnnotationsPanel(props: {
  action: string;
  items: readonly AnnotationItem[];
  signedIn: boolean;
  csrf: string;
  steps: ReadonlyArray<{ key: string; label: string }>;
  currentStep: string;
  error?: string | undefined;
  /** What was typed in a refused annotation, given back to be corrected rather than retyped. */
  draft?: { readonly body: string; readonly quote: string; readonly alinea: string } | undefined;
}) {
  return (
    <section id="annotations" class="annotations" aria-live="polite">
      <h2>Annotations ({props.items.filter((i) => !i.annotation.hidden).length})</h2>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.items.length === 0 ? <p class="empty">Aucune annotation.</p> : null}
      {props.items.map(({ annotation: a, anchor, writtenOnLabel, diffSince, canEdit }) => (
        <article class={a.hidden ? "annotation hidden" : "annotation"} id={`annotation-${a.id}`}>
          <header>
            <a href={`/benevoles/${a.authorId}`}>{a.authorName}</a>
            <span class="muted">
              {" "}
              · <time datetime={a.createdAt}>{frenchDate(a.createdAt)}</time>
            </span>
            {a.visibility === "staff" ? <span class="badge">réservée à l'équipe</span> : null}
            {a.hidden ? <span class="badge">masquée</span> : null}
            {a.revisions > 0 ? (
              <span class="muted">
                {" "}
                · modifiée le {frenchDate(a.updatedAt)} ({a.revisions} version{a.revisions > 1 ? "s" : ""} précédente
                {a.revisions > 1 ? "s" : ""})
              </span>
            ) : null}
          </header>
          {a.quote ? <blockquote class="quote">« {a.quote} »</blockquote> : null}
          <p class="anchor muted">
            {anchor.kind === "same-version"
              ? `Écrite sur cette version${anchor.alinea ? `, alinéa ${anchor.alinea}` : ""}.`
              : anchor.kind === "anchored"
                ? `Passage retrouvé à l'alinéa ${anchor.alinea} de cette version.`
                : anchor.kind === "unchanged-article"
                  ? `Écrite sur la version « ${writtenOnLabel} », identique pour cet article.`
                  : `Écrite sur la version « ${writtenOnLabel} » : le texte a changé depuis.`}
          </p>
          {anchor.kind === "changed" && diffSince ? (
            <details>
              <summary>Voir ce qui a changé depuis</summary>
              <ol class="alineas diffed diff">
                {diffSince.alineas
                  .filter((d) => d.kind !== "equal")
                  .map((d) => (
                    <li class={`al-${d.kind}`} dangerouslySetInnerHTML={{ __html: d.html }} />
                  ))}
              </ol>
            </details>
          ) : null}
          <div class="annotation-body" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
          {canEdit && !a.hidden ? (
            <details class="edit">
              <summary>Modifier ou masquer</summary>
              <form
                method="post"
                action={`/annotations/${a.id}/modifier`}
                hx-post={`/annotations/${a.id}/modifier`}
                hx-target="#annotations"
                hx-swap="outerHTML"
              >
                <PanelFields csrf={props.csrf} shownStep={props.currentStep} />
                <textarea name="corps" rows={4} required maxlength={20000}>
                  {a.body}
                </textarea>
                <button type="submit">Enregistrer</button>
              </form>
              <form
                method="post"
                action={`/annotations/${a.id}/masquer`}
                hx-post={`/annotations/${a.id}/masquer`}
                hx-target="#annotations"
                hx-swap="outerHTML"
              >
                <PanelFields csrf={props.csrf} shownStep={props.currentStep} />
                <button type="submit">Masquer</button>
              </form>
            </details>
          ) : null}
        </article>
      ))}
      {props.signedIn ? (
        <form
          method="post"
          action={props.action}
          hx-post={props.action}
          hx-target="#annotations"
          hx-swap="outerHTML"
          class="annotation-form"
        >
          <PanelFields csrf={props.csrf} shownStep={props.currentStep} />
          <h3>Ajouter une annotation</h3>
          <label>
            Version annotée{" "}
            <select name="etape">
              {props.steps.map((s) => (
                <option value={s.key} selected={s.key === props.currentStep}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Alinéa (facultatif){" "}
            <input name="alinea" type="number" min={1} max={9999} inputmode="numeric" value={props.draft?.alinea ?? ""} />
          </label>
          <label>
            Passage cité (facultatif, copié du texte) <input name="citation" maxlength={2000} value={props.draft?.quote ?? ""} />
          </label>
          <label>
            Analyse (Markdown : **gras**, *italique*, [lien](https://…), listes){" "}
            <textarea name="corps" rows={5} required maxlength={20000}>
              {props.draft?.body ?? ""}
            </textarea>
          </label>
          <label>
            Visibilité{" "}
            <select name="visibilite">
              <option value="public">publique</option>
              <option value="staff">réservée à l'équipe</option>
            </select>
          </label>
          <button type="submit">Publier</button>
        </form>
      ) : (
        <p class="muted">
          <a href={`/connexion?suite=${encodeURIComponent(props.action.replace(/\/annotations$/, "") + "#annotations")}`}>Connectez-vous</a>{" "}
          pour annoter cet article.
        </p>
      )}
    </section>
  );
}

/** What every form of the panel sends besides its own fields: the CSRF token and the version shown. */
function PanelFields(props: { csrf: string; shownStep: string }) {
  return (
    <>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="montrer" value={props.shownStep} />
    </>
  );
}
