/**
 * The diff between two versions of a provision (swapped in place by htmx).
 */
import type { ArticleDiff } from "../../src/domain/navette/diff.js";

export function DiffPanel(props: { diff: ArticleDiff | null; fromLabel: string; toLabel: string }) {
  return (
    <section id="diff" class="diff" aria-live="polite">
      <h3>
        Différences entre « {props.fromLabel} » et « {props.toLabel} »
      </h3>
      {props.diff === null ? (
        <p class="empty">Choisissez deux versions de l'article.</p>
      ) : props.diff.alineas.length === 0 ? (
        <p class="empty">L'article n'a de texte dans aucune des deux versions.</p>
      ) : (
        <>
          <p class="muted">Part du texte modifiée : {Math.round(props.diff.changeRatio * 100)} %</p>
          <ol class="alineas diffed">
            {props.diff.alineas.map((a) => (
              <li class={`al-${a.kind}`} dangerouslySetInnerHTML={{ __html: a.html }} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
