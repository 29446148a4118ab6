/**
 * The bill's navette as a picture, server-rendered SVG (no chart library, nothing to run in the
 * browser): each article a row, each step a column, the bar's width the size of the article's text
 * at that step, its colour what happened to it (the matrix's colours, light and dark). La Fabrique
 * de la Loi's idea, made readable at 60 articles: a title on every bar says it in words.
 */
import type { ProvisionMatrix } from "../models.js";
import { PROVISION_STATUS_LABELS, type ProvisionStatus } from "../../src/domain/navette/engine.js";
import { lawNumbered } from "../../src/domain/wording.js";
import { labelOf, plural, stepAbbreviation, stepLabel } from "../format.js";

const LABEL_WIDTH = 150;
const COLUMN = 74;
const ROW = 14;
const BAR = 10;
const HEADER = 36;

/** The statuses drawn, in the legend's order (« absent » is drawn as nothing). */
const LEGEND: readonly ProvisionStatus[] = [
  "depose",
  "new",
  "unchanged",
  "modified",
  "conforme",
  "re_established",
  "deleted",
  "censured",
  "partly_censured",
];

export function NavettePicture(props: { matrix: ProvisionMatrix }) {
  const { steps, provisions } = props.matrix;
  if (steps.length === 0 || provisions.length === 0) return null;
  const largest = Math.max(1, ...provisions.flatMap((p) => [...p.states.values()].map((s) => s.size)));
  const width = LABEL_WIDTH + steps.length * COLUMN;
  const height = HEADER + provisions.length * ROW + 4;
  const title = `La navette en image : ${plural(provisions.length, "article")} à travers ${plural(steps.length, "étape")}`;
  return (
    <figure class="navette-picture">
      <div class="picture-scroll" tabindex={0} role="region" aria-label="La navette en image (défile de côté)">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="img"
          aria-labelledby="navette-picture-title navette-picture-desc"
          xmlns="http://www.w3.org/2000/svg"
        >
          <title id="navette-picture-title">{title}</title>
          <desc id="navette-picture-desc">
            Chaque ligne est un article, chaque colonne une étape ; la longueur de la barre est celle du texte de l'article à cette étape,
            sa couleur ce qui lui est arrivé. Le tableau qui suit dit la même chose en mots.
          </desc>
          {steps.map((step, column) => (
            <text class="nv-step" x={LABEL_WIDTH + column * COLUMN} y={HEADER - 20}>
              <title>{stepLabel(step)}</title>
              {headerLines(stepAbbreviation(step)).map((line, i) => (
                <tspan x={LABEL_WIDTH + column * COLUMN} dy={i === 0 ? 0 : 11}>
                  {line}
                </tspan>
              ))}
            </text>
          ))}
          {provisions.map((p, row) => {
            const y = HEADER + row * ROW;
            const name = lawNumbered({ navette: p.lastNumber, law: p.lawNumber });
            return (
              <g>
                <text class="nv-article" x={LABEL_WIDTH - 6} y={y + BAR - 1}>
                  {name}
                </text>
                {steps.map((step, column) => {
                  const state = p.states.get(step.key);
                  if (!state || state.status === "absent") return null;
                  const full = COLUMN - 8;
                  const bar = state.status === "deleted" ? 4 : Math.max(4, Math.round((state.size / largest) * full));
                  return (
                    <rect class={`nv-${state.status}`} x={LABEL_WIDTH + column * COLUMN} y={y} width={bar} height={BAR} rx={2}>
                      <title>
                        Article {state.number} — {stepLabel(step)} : {labelOf(PROVISION_STATUS_LABELS, state.status)}
                      </title>
                    </rect>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <ul class="picture-legend">
          {LEGEND.map((status) => (
            <li>
              <span class={`swatch nv-${status}`} aria-hidden="true" /> {PROVISION_STATUS_LABELS[status]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** A column's header on two lines: the place, then the reading and stage (« Sénat » / « 1re com. »). */
function headerLines(label: string): string[] {
  const space = label.indexOf(" ");
  return space < 0 ? [label] : [label.slice(0, space), label.slice(space + 1)];
}
