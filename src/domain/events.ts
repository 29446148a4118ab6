/**
 * The changes Navette records (the `events` journal that pages and feeds read): one
 * discriminated union of every kind with its payload. Stores write events through
 * {@link eventOf}, so a payload always has its kind's shape; pages and feeds read them through
 * {@link readEvent} and describe them in one place (src/web/feeds.ts, `describeFeedEvent`).
 */
import type { AmendmentOutcome } from "./amendment.js";
import type { Reading, Stage, StepPlace } from "./dossier.js";
import type { TextOutcome } from "./bill-text.js";
import type { ProvisionStatus } from "./navette/engine.js";
import type { Evidence } from "./tagging/tagger.js";

/** Every kind of change, with what it carries. */
export type NavetteEvent =
  | {
      kind: "amendment.filed";
      payload: { number: string; target: string | null; author: string | null; authorType: string; outcome: AmendmentOutcome };
    }
  | { kind: "amendment.outcome_changed"; payload: { number: string; from: AmendmentOutcome; to: AmendmentOutcome; detail: string | null } }
  | { kind: "amendment.updated"; payload: { number: string; fields: string[] } }
  | { kind: "dossier.created"; payload: { title: string } }
  | {
      kind: "dossier.step_added";
      payload: { step: string; place: StepPlace; reading: Reading; stage: Stage; outcome: string | null };
    }
  | { kind: "dossier.updated"; payload: { title: string; previousTitle: string } }
  | { kind: "text.created"; payload: { number: string | null; kind: string | null } }
  | { kind: "text.published" | "text.revised"; payload: { articles: number; format: string; outcome: TextOutcome | null } }
  | {
      kind: "provision.status";
      payload: {
        step: string;
        status: ProvisionStatus;
        previous: ProvisionStatus | null;
        number: string;
        causes: string[];
        changeRatio: number;
      };
    }
  /** An article's number changed and nothing else (its own feed says so; bill-wide lists show the step's summary). */
  | { kind: "provision.renumbered"; payload: { step: string; number: string; from: string | null } }
  /** The articles a step renumbered, in one item for the bill (« 28 articles renumérotés par la loi »). */
  | { kind: "dossier.renumbered"; payload: { step: string; changes: Array<{ from: string; to: string }> } }
  | { kind: "tag.found"; payload: { theme: string; step: string | null; evidence: Evidence[] } }
  | { kind: "tag.lost"; payload: { theme: string; step: string } }
  | { kind: "tag.decided"; payload: { theme: string; decision: "added" | "rejected"; reason: string; author: string } }
  | { kind: "annotation.published"; payload: { annotation: number; author: string; extract: string } }
  | { kind: "decision.published"; payload: { number: string; censures: number } };

/** The kinds of change. */
export type EventKind = NavetteEvent["kind"];

/** What an event of kind `K` carries. */
export type EventPayload<K extends EventKind> = Extract<NavetteEvent, { kind: K }>["payload"];

/** The kind and the stored payload of an event, for a store to write. */
export function eventOf<K extends EventKind>(kind: K, payload: EventPayload<K>): { kind: K; payload: string } {
  return { kind, payload: JSON.stringify(payload) };
}

const KINDS: ReadonlySet<string> = new Set<EventKind>([
  "amendment.filed",
  "amendment.outcome_changed",
  "amendment.updated",
  "dossier.created",
  "dossier.step_added",
  "dossier.updated",
  "text.created",
  "text.published",
  "text.revised",
  "provision.status",
  "provision.renumbered",
  "dossier.renumbered",
  "tag.found",
  "tag.lost",
  "tag.decided",
  "annotation.published",
  "decision.published",
]);

/**
 * A stored event read back, or null when its kind is not one Navette writes or its payload is not
 * a JSON object. Lists and numbers an older version may not have written are given their empty value.
 */
export function readEvent(row: { readonly kind: string; readonly payload: string }): NavetteEvent | null {
  if (!KINDS.has(row.kind)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    return null;
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
  const fields = payload as Record<string, unknown>;
  const list = (name: string): unknown[] => {
    const value = fields[name];
    return Array.isArray(value) ? (value as unknown[]) : [];
  };
  const number = (name: string) => (typeof fields[name] === "number" ? fields[name] : 0);
  const text = (name: string) => (typeof fields[name] === "string" ? fields[name] : null);
  const defaults: Record<string, unknown> =
    row.kind === "provision.status"
      ? { causes: list("causes"), changeRatio: number("changeRatio"), step: text("step") ?? "", number: text("number") ?? "" }
      : row.kind === "tag.found"
        ? { evidence: list("evidence"), theme: text("theme") ?? "" }
        : row.kind === "provision.renumbered"
          ? { step: text("step") ?? "", number: text("number") ?? "", from: text("from") }
          : row.kind === "dossier.renumbered"
            ? { step: text("step") ?? "", changes: list("changes").filter(isRenumbering) }
            : row.kind === "amendment.updated"
              ? { fields: list("fields") }
              : row.kind === "text.published" || row.kind === "text.revised"
                ? { articles: number("articles") }
                : {};
  return { kind: row.kind, payload: { ...fields, ...defaults } } as NavetteEvent;
}

function isRenumbering(value: unknown): value is { from: string; to: string } {
  if (typeof value !== "object" || value === null) return false;
  const { from, to } = value as Record<string, unknown>;
  return typeof from === "string" && typeof to === "string";
}

/** Event kinds a bill-wide list (home, bill page, bill feed) leaves out: their step's summary says them. */
export const ARTICLE_ONLY_KINDS: readonly EventKind[] = ["provision.renumbered"];

/** The navette step an event is about (its key), when it names one. */
export function stepOf(event: NavetteEvent | null): string | null {
  switch (event?.kind) {
    case "provision.status":
    case "provision.renumbered":
    case "dossier.renumbered":
    case "tag.lost":
    case "dossier.step_added":
    case "tag.found":
      return event.payload.step;
    default:
      return null;
  }
}

/** The amendments an event names as causes (a status change explained by amendments). */
export function causesOf(event: NavetteEvent | null): readonly string[] {
  return event?.kind === "provision.status" ? event.payload.causes : [];
}
