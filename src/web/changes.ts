/**
 * « Derniers changements » of a bill, as its page shows them: grouped by the step they belong to
 * (a version's status changes and themes at that step; amendments under the text they amend),
 * groups newest first by their date in Parliament, article status changes first in each group.
 * Every line is described by the feeds' one describer (same words in pages and feeds).
 */
import type { DossierStepRow, EventRow } from "../../db/schema.js";
import type { ChangeGroup } from "../../views/models.js";

export type { ChangeGroup, ChangeLine } from "../../views/models.js";
import { describeFeedEvent, type FeedVocabulary } from "./feeds.js";
import { readEvent, stepOf } from "../domain/events.js";

/** Where an event belongs: its step (status, themes), else the text it concerns. */
function groupOf(
  event: EventRow,
  steps: readonly DossierStepRow[],
  vocabulary: FeedVocabulary,
): { key: string; heading: string; date: string | null } {
  const nameOf = (s: DossierStepRow): string => vocabulary.steps.get(`${s.dossier_uid}|${s.step_key}`) ?? s.step_key;
  const asStep = (s: DossierStepRow) => ({ key: `step:${s.step_key}`, heading: nameOf(s), date: s.date });
  const step = stepOf(readEvent(event));
  const known = step !== null ? steps.find((s) => s.step_key === step) : undefined;
  if (known) return asStep(known);
  const text = event.text_uid ? steps.find((s) => s.text_uid === event.text_uid) : undefined;
  if (event.subject_type === "amendment")
    return {
      key: `text:${event.text_uid ?? ""}`,
      heading: `Amendements${text ? ` au texte de l'étape « ${nameOf(text)} »` : ""}`,
      date: null,
    };
  if (text) return asStep(text);
  return { key: "other", heading: "Le dossier", date: null };
}

/** Article status changes first, then the rest, each newest first by date in Parliament. */
const KIND_ORDER: Readonly<Record<string, number>> = { "provision.status": 0, "tag.found": 1, "tag.lost": 1, "tag.decided": 1 };

/** Groups a bill's events for its page. */
export function groupChanges(events: readonly EventRow[], steps: readonly DossierStepRow[], vocabulary: FeedVocabulary): ChangeGroup[] {
  const groups = new Map<string, { heading: string; date: string | null; events: EventRow[] }>();
  for (const event of events) {
    const { key, heading, date } = groupOf(event, steps, vocabulary);
    const group = groups.get(key) ?? groups.set(key, { heading, date, events: [] }).get(key)!;
    group.events.push(event);
  }
  const when = (e: EventRow): string => e.occurred_at ?? e.recorded_at;
  return [...groups.values()]
    .map((g) => {
      const sorted = [...g.events].sort((a, b) => (KIND_ORDER[a.kind] ?? 2) - (KIND_ORDER[b.kind] ?? 2) || when(b).localeCompare(when(a)));
      const latest = g.events.map(when).sort().at(-1) ?? null;
      return {
        heading: g.heading,
        date: g.date ?? latest,
        lines: sorted.map((e) => ({ ...describeFeedEvent(e, vocabulary), date: when(e) })),
      };
    })
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
}
