/**
 * Amendments by political group and outcome, as server-rendered SVG: a row per group, its bar
 * split by outcome (adopted, rejected, fallen or withdrawn…), the length its number of amendments.
 * Who pushed what, and what came of it, at a glance; every segment says it in words.
 */
import { isAmendmentOutcome, OUTCOME_LABELS, type AmendmentOutcome } from "../../src/domain/amendment.js";
import { cutOnWord } from "../../src/domain/wording.js";
import { outcomeCount } from "../format.js";

/** One group's amendments, counted by outcome. */
export interface GroupOutcomes {
  /** The group's name, or « Sans groupe » (Government, committees, rapporteurs). */
  readonly group: string;
  readonly counts: ReadonlyMap<AmendmentOutcome, number>;
}

/** Outcomes in the bar's order: what passed, what was voted down, what never came to a vote. */
const ORDER: readonly AmendmentOutcome[] = [
  "adopte",
  "rejete",
  "irrecevable",
  "tombe",
  "retire",
  "non_soutenu",
  "non_examine",
  "satisfait",
  "en_cours",
  "inconnu",
];

const LABEL = 210;
const BAR = 520;
const ROW = 20;

/** Counts amendments (one each, or `n` for a counted row) by group and outcome, the groups with most amendments first. */
export function groupOutcomes(
  amendments: ReadonlyArray<{ readonly group: string | null; readonly outcome: string; readonly n?: number }>,
): GroupOutcomes[] {
  const byGroup = new Map<string, Map<AmendmentOutcome, number>>();
  for (const a of amendments) {
    const group = a.group ?? "Sans groupe (Gouvernement, commission…)";
    const outcome = isAmendmentOutcome(a.outcome) ? a.outcome : "inconnu";
    const counts = byGroup.get(group) ?? new Map<AmendmentOutcome, number>();
    counts.set(outcome, (counts.get(outcome) ?? 0) + (a.n ?? 1));
    byGroup.set(group, counts);
  }
  const total = (c: ReadonlyMap<AmendmentOutcome, number>) => [...c.values()].reduce((s, n) => s + n, 0);
  return [...byGroup.entries()].map(([group, counts]) => ({ group, counts })).sort((a, b) => total(b.counts) - total(a.counts));
}

export function AmendmentsByGroup(props: { rows: readonly GroupOutcomes[]; caption: string }) {
  if (props.rows.length === 0) return null;
  const totals = props.rows.map((r) => [...r.counts.values()].reduce((s, n) => s + n, 0));
  const largest = Math.max(1, ...totals);
  const height = props.rows.length * ROW + 6;
  const present = ORDER.filter((o) => props.rows.some((r) => (r.counts.get(o) ?? 0) > 0));
  return (
    <figure class="by-group">
      <div class="picture-scroll" tabindex={0} role="region" aria-label={`${props.caption} (défile de côté)`}>
        <svg viewBox={`0 0 ${LABEL + BAR + 60} ${height}`} width={LABEL + BAR + 60} height={height} role="img" aria-label={props.caption}>
          {props.rows.map((row, i) => {
            const y = i * ROW + 3;
            let x = LABEL;
            return (
              <g>
                <text class="nv-article" x={LABEL - 8} y={y + 11}>
                  {cutOnWord(row.group, 34)}
                </text>
                {ORDER.map((outcome) => {
                  const n = row.counts.get(outcome) ?? 0;
                  if (n === 0) return null;
                  const width = Math.max(2, (n / largest) * BAR);
                  const segment = (
                    <rect class={`og-${outcome}`} x={x} y={y} width={width.toFixed(1)} height={14}>
                      <title>
                        {row.group} : {outcomeCount(n, outcome)}
                      </title>
                    </rect>
                  );
                  x += width;
                  return segment;
                })}
                <text class="nv-step" x={x + 6} y={y + 11}>
                  {totals[i]}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        {props.caption}.{" "}
        <ul class="picture-legend">
          {present.map((o) => (
            <li>
              <span class={`swatch og-${o}`} aria-hidden="true" /> {OUTCOME_LABELS[o]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
