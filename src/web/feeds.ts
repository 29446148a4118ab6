/**
 * Watch feeds (RSS 2.0 and Atom 1.0, built with the `feed` library) from the event log: one per
 * provision (stable across renumbering: its id is its first number and step), per bill, per
 * theme and per code article. Items keep the event's id, so a re-import never duplicates them.
 */
import { readJsonColumn, isAlineaList } from "../../db/store/json-columns.js";
import { withAuthorLabels } from "../../db/store/people.js";
import { sql, type Kysely } from "kysely";
import { Feed } from "feed";
import { decodeHTML } from "entities";
import type { Database, EventRow } from "../../db/schema.js";
import type { Alinea } from "../domain/bill-text.js";
import { diffArticles } from "../domain/navette/diff.js";
import { OUTCOME_LABELS, type AmendmentOutcome } from "../domain/amendment.js";
import { PROVISION_STATUS_LABELS } from "../domain/navette/engine.js";
import { plural } from "../../views/format.js";
import { stepNames } from "./queries.js";
import { ARTICLE_ONLY_KINDS, readEvent } from "../domain/events.js";
import {
  amendmentNumberLabel,
  cutOnWord,
  foundWordsSentence,
  isDecided,
  lawNumbered,
  outcomeSentence,
  targetPhrase,
} from "../domain/wording.js";
import { causesOf, stepOf } from "../domain/events.js";

/** Items per feed. */
export const FEED_LIMIT = 50;

/** What a feed is about. */
export type FeedScope =
  | { readonly kind: "provision"; readonly dossierUid: string; readonly provisionId: string }
  | { readonly kind: "dossier"; readonly dossierUid: string }
  | { readonly kind: "theme"; readonly theme: string; readonly label: string }
  | { readonly kind: "code"; readonly code: string; readonly article: string }
  /** A saved search: the events of what the search finds. */
  | { readonly kind: "subjects"; readonly subjects: readonly string[] }
  | { readonly kind: "all" };

const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The events of a scope, newest first; annotations hidden since they were published are left out. */
export async function feedEvents(db: Kysely<Database>, scope: FeedScope): Promise<EventRow[]> {
  return withoutHiddenAnnotations(db, await scopeEvents(db, scope));
}

/** The latest changes of every bill by when they happened in Parliament (home page). */
export async function latestChanges(db: Kysely<Database>, limit: number): Promise<EventRow[]> {
  const events = await db
    .selectFrom("events")
    .selectAll()
    .where("kind", "not in", ARTICLE_ONLY_KINDS)
    .orderBy(sql`coalesce(${sql.ref("occurred_at")}, ${sql.ref("recorded_at")})`, "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return withoutHiddenAnnotations(db, events);
}

/** The annotation an `annotation.published` event announces, or null for any other event. */
function annotationIdOf(row: EventRow): number | null {
  const event = readEvent(row);
  if (event?.kind !== "annotation.published") return null;
  return Number.isSafeInteger(event.payload.annotation) ? event.payload.annotation : null;
}

/** The annotations a list of events announces. */
const annotationIdsOf = (events: readonly EventRow[]): number[] => events.map(annotationIdOf).filter((id): id is number => id !== null);

async function withoutHiddenAnnotations(db: Kysely<Database>, events: EventRow[]): Promise<EventRow[]> {
  const annotationIds = annotationIdsOf(events);
  if (annotationIds.length === 0) return events;
  const hidden = new Set(
    (await db.selectFrom("annotations").select("id").where("id", "in", annotationIds).where("hidden", "=", 1).execute()).map((r) =>
      Number(r.id),
    ),
  );
  return events.filter((e) => !hidden.has(annotationIdOf(e) ?? -1));
}

async function scopeEvents(db: Kysely<Database>, scope: FeedScope): Promise<EventRow[]> {
  const everything = db.selectFrom("events").selectAll().orderBy("id", "desc").limit(FEED_LIMIT);
  // Only an article's own feed lists its renumbering; wider feeds carry the step's one summary.
  const base = everything.where("kind", "not in", ARTICLE_ONLY_KINDS);
  if (scope.kind === "all") return base.execute();
  if (scope.kind === "dossier") return base.where("dossier_uid", "=", scope.dossierUid).execute();
  if (scope.kind === "provision") {
    // The provision's own events, and those of the amendments attached to it by the analysis.
    const amendmentUids = (
      await db
        .selectFrom("amendments")
        .select("uid")
        .where("dossier_uid", "=", scope.dossierUid)
        .where("provision_id", "=", scope.provisionId)
        .execute()
    ).map((r) => r.uid);
    return everything
      .where((eb) =>
        eb.or([
          eb("subject_id", "=", `${scope.dossierUid}/${scope.provisionId}`),
          ...(amendmentUids.length ? [eb.and([eb("subject_type", "=", "amendment"), eb("subject_id", "in", amendmentUids)])] : []),
        ]),
      )
      .execute();
  }
  if (scope.kind === "subjects") {
    if (scope.subjects.length === 0) return [];
    return base.where("subject_id", "in", scope.subjects.slice(0, 500)).execute();
  }
  const subjects =
    scope.kind === "theme"
      ? await db
          .selectFrom("tags")
          .select(["subject_type", "dossier_uid", "subject_id"])
          .where("theme", "=", scope.theme)
          .distinct()
          .execute()
      : await db
          .selectFrom("citations")
          .select(["subject_type", "dossier_uid", "subject_id"])
          .where("code", "=", scope.code)
          .where("article", "=", scope.article)
          .distinct()
          .execute();
  const ids = [...new Set(subjects.map((s) => (s.subject_type === "provision" ? `${s.dossier_uid}/${s.subject_id}` : s.subject_id)))];
  if (ids.length === 0) return [];
  const events: EventRow[] = [];
  for (let i = 0; i < ids.length; i += 500) events.push(...(await base.where("subject_id", "in", ids.slice(i, i + 500)).execute()));
  const unique = new Map(events.map((e) => [e.id, e]));
  return [...unique.values()].sort((a, b) => b.id - a.id).slice(0, FEED_LIMIT);
}

/** What a feed item says of an amendment: its number, the start of its text, where it was examined, its themes. */
export interface AmendmentName {
  /** As French typography writes it (« 120 rect. »). */
  readonly number: string;
  /** The start of its dispositif (or notice), cut between words. */
  readonly summary: string | null;
  /** The author as pages show it (« M. Alain David (SOC) »). */
  readonly author: string | null;
  readonly chamber: string;
  readonly stage: string | null;
  /** « sur l'article 8 ter », « après l'article 8 ». */
  readonly target: string;
  /** Its themes, by id (for Atom's `term`) and name. */
  readonly themes: ReadonlyArray<{ readonly id: string; readonly label: string }>;
}

/** « Thèmes : … » after an amendment's summary: a theme found on an amendment is part of its item. */
const themesLine = (amendment: AmendmentName | undefined): string =>
  amendment?.themes.length ? ` Thèmes : ${amendment.themes.map((t) => t.label).join(", ")}.` : "";

/** The words items use instead of internal codes (step keys, provision ids, theme slugs, uids). */
export interface FeedVocabulary {
  readonly amendments: ReadonlyMap<string, AmendmentName>;
  readonly themes: ReadonlyMap<string, string>;
  /** « Sénat · 1re lecture · dépôt », by `${dossier uid}|${step key}`. */
  readonly steps: ReadonlyMap<string, string>;
  /** A provision's navette number and, once the law is published, the law's, by event subject id (`${dossier}/${provision id}`). */
  readonly provisions: ReadonlyMap<string, { readonly navette: string; readonly law: string | null }>;
  /** Each annotation as it reads now (edits included), by id. */
  readonly annotations: ReadonlyMap<number, { readonly html: string; readonly updatedAt: string }>;
  /** « n° 9943 » or the text's title, by text uid. */
  readonly texts: ReadonlyMap<string, string>;
}

/**
 * What a feed's content depends on beyond its events: the latest edit of an annotation it shows
 * (an edit rewrites the item without a new event). Goes into the feed's ETag and Last-Modified.
 */
export async function annotationsEditedAt(db: Kysely<Database>, events: readonly EventRow[]): Promise<string | null> {
  const ids = annotationIdsOf(events);
  if (ids.length === 0) return null;
  const row = await db
    .selectFrom("annotations")
    .select((eb) => eb.fn.max("updated_at").as("at"))
    .where("id", "in", ids)
    .executeTakeFirst();
  return row?.at ?? null;
}

/** Loads, in a few queries, the vocabulary the items of `events` need. */
export async function feedVocabulary(
  db: Kysely<Database>,
  events: readonly EventRow[],
  themes: ReadonlyMap<string, string>,
): Promise<FeedVocabulary> {
  const amendmentUids = new Set<string>();
  for (const e of events) {
    if (e.subject_type === "amendment") amendmentUids.add(e.subject_id);
    for (const c of causesOf(readEvent(e))) amendmentUids.add(c);
  }
  const dossiers = [...new Set(events.map((e) => e.dossier_uid).filter((d): d is string => d !== null))];
  // Only the provisions the events are about, not every provision of their bills.
  const provisionIds = [
    ...new Set(
      events.filter((e) => e.subject_type === "provision" && e.dossier_uid).map((e) => e.subject_id.slice(e.dossier_uid!.length + 1)),
    ),
  ];
  const provisions = provisionIds.length
    ? await db
        .selectFrom("provisions")
        .select(["dossier_uid", "provision_id", "last_number", "law_number"])
        .where("dossier_uid", "in", dossiers)
        .where("provision_id", "in", provisionIds)
        .execute()
    : [];
  const annotationIds = annotationIdsOf(events);
  const annotations = annotationIds.length
    ? await db.selectFrom("annotations").select(["id", "body_html", "updated_at"]).where("id", "in", annotationIds).execute()
    : [];
  const textUids = [...new Set(events.map((e) => e.text_uid).filter((t): t is string => t !== null))];
  const texts = textUids.length
    ? await db.selectFrom("texts").select(["uid", "number", "title"]).where("uid", "in", textUids).execute()
    : [];
  return {
    amendments: await amendmentNames(db, [...amendmentUids], themes),
    themes,
    steps: await stepNames(db, dossiers),
    provisions: new Map(provisions.map((p) => [`${p.dossier_uid}/${p.provision_id}`, { navette: p.last_number, law: p.law_number }])),
    annotations: new Map(annotations.map((a) => [Number(a.id), { html: a.body_html, updatedAt: a.updated_at }])),
    texts: new Map(texts.map((t) => [t.uid, t.number ? `n° ${t.number}` : (t.title ?? "sans numéro")])),
  };
}

/** An annotation's current text, for a summary: its rendered (sanitised) HTML without the tags. */
function annotationText(html: string | undefined): string | null {
  if (html === undefined) return null;
  const text = decodeHTML(html.replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** The names and addresses an event's description uses, from the vocabulary loaded for its feed or page. */
function eventNames(row: EventRow, vocabulary: FeedVocabulary) {
  const amendment = vocabulary.amendments.get(row.subject_id);
  // The promulgated law (`LOI-2025-532`): « Loi n° 2025-532 publiée ».
  const isLaw = row.subject_id.startsWith("LOI-");
  return {
    step: (key: string | null): string => (key ? (vocabulary.steps.get(`${row.dossier_uid ?? ""}|${key}`) ?? key) : ""),
    themeName: (id: string): string => vocabulary.themes.get(id) ?? id,
    provisionNumber: (): string => {
      const numbers = vocabulary.provisions.get(row.subject_id);
      if (!numbers) return row.article ?? row.subject_id.split("/").slice(1).join("/").split("@")[0] ?? "";
      return lawNumbered(numbers);
    },
    textName: (): string => {
      const name = vocabulary.texts.get(row.subject_id);
      const kind = isLaw ? "Loi" : "Texte";
      return name ? `${kind} ${name}` : kind;
    },
    provisionPath: (): string => {
      const [dossier, ...rest] = row.subject_id.split("/");
      return `/dossiers/${encodeURIComponent(dossier ?? "")}/articles/${encodeURIComponent(rest.join("/"))}`;
    },
    amendmentPath: `/amendements/${encodeURIComponent(row.subject_id)}`,
    amendment,
    amendmentSummary: `${amendment?.summary ?? ""}${themesLine(amendment)}`,
    outcome: (value: AmendmentOutcome): string => OUTCOME_LABELS[value] ?? value,
    outcomeSentence: (value: AmendmentOutcome): string =>
      outcomeSentence(value, { stage: amendment?.stage ?? null, chamber: amendment?.chamber ?? null, date: row.occurred_at }),
    feminine: isLaw ? "e" : "",
  };
}

/** Title, link and summary of one event, in French, in the users' words: the one describer of pages and feeds. */
export function describeFeedEvent(row: EventRow, vocabulary: FeedVocabulary): { title: string; path: string; summary: string } {
  const event = readEvent(row);
  const dossierPath = `/dossiers/${encodeURIComponent(row.dossier_uid ?? "")}`;
  if (!event) return { title: "Changement", path: dossierPath, summary: "" };
  const names = eventNames(row, vocabulary);
  const { step, themeName, provisionNumber, textName, provisionPath, amendmentPath, amendment, amendmentSummary, feminine } = names;
  const amendmentTitle = (payloadNumber: string) =>
    `Amendement ${amendment?.number ?? amendmentNumberLabel(payloadNumber)}${amendment?.target ?? targetPhrase({ kind: null, position: null, article: row.article })}`;
  const by = (author: string | null) => (author ? `Par ${author}. ` : "");
  switch (event.kind) {
    case "amendment.filed":
      // Imported already decided (every import of past data): one item that says the outcome.
      return {
        title: `${amendmentTitle(event.payload.number)} ${isDecided(event.payload.outcome) ? `: ${names.outcomeSentence(event.payload.outcome)}` : "déposé"}`,
        path: amendmentPath,
        summary: `${by(amendment?.author ?? event.payload.author)}${amendmentSummary}`,
      };
    case "amendment.outcome_changed":
      return {
        title: `${amendmentTitle(event.payload.number)} : ${names.outcomeSentence(event.payload.to)}`,
        path: amendmentPath,
        summary: `Auparavant : ${names.outcome(event.payload.from).toLowerCase()}. ${by(amendment?.author ?? null)}${amendmentSummary}`,
      };
    case "amendment.updated":
      return { title: `${amendmentTitle(event.payload.number)} modifié`, path: amendmentPath, summary: amendmentSummary };
    case "provision.renumbered":
      return {
        title: `Article ${event.payload.from ?? provisionNumber()} : devient l'article ${event.payload.number}`,
        path: provisionPath(),
        summary: `Renuméroté à l'étape « ${step(event.payload.step)} ».`,
      };
    case "dossier.renumbered":
      return renumberingSummary(event.payload, step(event.payload.step), vocabulary.texts.get(row.text_uid ?? ""), dossierPath);
    case "provision.status": {
      const { status, causes, changeRatio } = event.payload;
      const label = PROVISION_STATUS_LABELS[status] ?? status;
      const ratio = status === "modified" ? ` ${Math.round(changeRatio * 100)} % du texte modifié.` : "";
      const by = causes.length
        ? ` Par ${causes.map((uid) => `l'amendement ${vocabulary.amendments.get(uid)?.number ?? uid}`).join(", ")}.`
        : "";
      return {
        title: `Article ${provisionNumber()} : ${label}`,
        path: `${provisionPath()}?montrer=${encodeURIComponent(event.payload.step)}`,
        summary: `${label} à l'étape « ${step(event.payload.step)} ».${ratio}${by}`,
      };
    }
    case "tag.found":
      return {
        title: `Thème « ${themeName(event.payload.theme)} » trouvé${row.subject_type === "provision" ? ` dans l'article ${provisionNumber()}` : ""}`,
        path: row.subject_type === "provision" ? provisionPath() : amendmentPath,
        summary: `Mots trouvés : ${foundWordsSentence(event.payload.evidence)}.`,
      };
    case "tag.lost":
      return {
        title: `Thème « ${themeName(event.payload.theme)} » : preuve disparue dans l'article ${provisionNumber()}`,
        path: provisionPath(),
        summary: `À l'étape « ${step(event.payload.step)} », le texte de l'article ${provisionNumber()} ne contient plus les termes qui justifiaient ce thème.`,
      };
    case "tag.decided":
      return {
        title: `Thème « ${themeName(event.payload.theme)} » ${event.payload.decision === "rejected" ? "rejeté" : "ajouté"} par ${event.payload.author}`,
        path: provisionPath(),
        summary: event.payload.reason,
      };
    case "annotation.published":
      return {
        title: `Annotation de ${event.payload.author} sur l'article ${provisionNumber()}`,
        path: `${provisionPath()}#annotation-${event.payload.annotation}`,
        summary: annotationText(vocabulary.annotations.get(event.payload.annotation)?.html) ?? event.payload.extract,
      };
    case "dossier.step_added":
      return { title: `Nouvelle étape : ${step(event.payload.step)}`, path: dossierPath, summary: event.payload.outcome ?? "" };
    case "text.published":
    case "text.revised":
      return {
        title: `${textName()} ${event.kind === "text.published" ? "publié" : "révisé"}${feminine}`,
        path: dossierPath,
        summary: `${plural(event.payload.articles, "article")}.`,
      };
    case "text.created":
      return {
        title: `${textName()} annoncé${feminine}`,
        path: dossierPath,
        summary: "Le dossier nomme ce texte ; son contenu sera lu quand il sera publié.",
      };
    case "dossier.created":
      return { title: "Dossier suivi", path: dossierPath, summary: "" };
    case "dossier.updated":
      return { title: "Dossier mis à jour", path: dossierPath, summary: "" };
    case "decision.published":
      return {
        title: `Décision n° ${event.payload.number} du Conseil constitutionnel`,
        path: dossierPath,
        summary: event.payload.censures
          ? `${plural(event.payload.censures, "disposition")} déclarée${event.payload.censures > 1 ? "s" : ""} contraire${event.payload.censures > 1 ? "s" : ""} à la Constitution.`
          : "Aucune disposition déclarée contraire à la Constitution.",
      };
  }
}

/** Renumbered articles shown by name in a bill-wide item before « … ». */
const RENUMBERING_SHOWN = 12;

/** « 28 articles renumérotés par la loi n° 2025-532 : 15 ter → 18, 16 → 19, … ». */
function renumberingSummary(
  payload: { readonly step: string; readonly changes: ReadonlyArray<{ readonly from: string; readonly to: string }> },
  stepName: string,
  textName: string | undefined,
  dossierPath: string,
): { title: string; path: string; summary: string } {
  const count = payload.changes.length;
  const agreed = count > 1 ? "s" : "";
  const byLaw = /promulgation|loi/iu.test(stepName) || /^n° \d{4}-/u.test(textName ?? "");
  const where = byLaw ? `par la loi${textName ? ` ${textName}` : ""}` : `à l'étape « ${stepName} »`;
  const shown = payload.changes.slice(0, RENUMBERING_SHOWN).map((c) => `${c.from} → ${c.to}`);
  const more = count > RENUMBERING_SHOWN ? `, et ${count - RENUMBERING_SHOWN} autre${count - RENUMBERING_SHOWN > 1 ? "s" : ""}` : "";
  return {
    title: `${plural(count, "article")} renuméroté${agreed} ${where}`,
    path: dossierPath,
    summary: `${shown.join(", ")}${more}.`,
  };
}

function validDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Alinéas shown at most in an item's diff extract. */
const EXTRACT_ALINEAS = 3;

/**
 * For each `provision.status` event, an HTML extract of what changed at its step: the changed
 * alinéas against the previous version (<ins>/<del>), or the first alinéas of a new article.
 */
export async function statusDiffExtracts(db: Kysely<Database>, events: readonly EventRow[]): Promise<Map<number, string>> {
  const statusEvents = events.filter((e) => e.kind === "provision.status" && e.dossier_uid);
  const out = new Map<number, string>();
  if (statusEvents.length === 0) return out;
  // Every version of the provisions concerned, in one query (keyed as events' subject ids).
  const provisionOf = (e: EventRow) => e.subject_id.slice(e.dossier_uid!.length + 1);
  const rows = await db
    .selectFrom("provision_states")
    .select(["dossier_uid", "provision_id", "step_key", "alineas"])
    .where("dossier_uid", "in", [...new Set(statusEvents.map((e) => e.dossier_uid!))])
    .where("provision_id", "in", [...new Set(statusEvents.map(provisionOf))])
    .orderBy("step_position")
    .execute();
  const statesOf = new Map<string, Array<{ step: string; alineas: Alinea[] }>>();
  for (const r of rows) {
    const key = `${r.dossier_uid}/${r.provision_id}`;
    const states = statesOf.get(key) ?? statesOf.set(key, []).get(key)!;
    states.push({ step: r.step_key, alineas: readJsonColumn(r.alineas, isAlineaList, "provision_states.alineas") });
  }
  for (const event of statusEvents) {
    const states = statesOf.get(event.subject_id) ?? [];
    const step = stepOf(readEvent(event));
    const index = states.findIndex((s) => s.step === step);
    if (index < 0) continue;
    const current = states[index]!.alineas;
    const previous = states
      .slice(0, index)
      .reverse()
      .find((s) => s.alineas.length > 0)?.alineas;
    const items = previous
      ? diffArticles(previous, current)
          .alineas.filter((a) => a.kind !== "equal")
          .map((a) => a.html)
      : current.map((a) => escapeHtml(a.text));
    if (items.length === 0) continue;
    const more = items.length > EXTRACT_ALINEAS ? `<p>… et ${items.length - EXTRACT_ALINEAS} autres alinéas.</p>` : "";
    out.set(
      event.id,
      `<ol>${items
        .slice(0, EXTRACT_ALINEAS)
        .map((html) => `<li>${html}</li>`)
        .join("")}</ol>${more}`,
    );
  }
  return out;
}

/** Number, start of text and themes (by name) of the amendments an item names. */
async function amendmentNames(
  db: Kysely<Database>,
  uids: readonly string[],
  themeLabels: ReadonlyMap<string, string>,
): Promise<Map<string, AmendmentName>> {
  const names = new Map<string, AmendmentName>();
  for (let i = 0; i < uids.length; i += 500) {
    const batch = uids.slice(i, i + 500);
    const rows = await db
      .selectFrom("amendments")
      .select([
        "uid",
        "number_long",
        "dispositif_text",
        "notice",
        "author_name",
        "author_ref",
        "group_ref",
        "chamber",
        "stage",
        "target_kind",
        "target_position",
        "target_article",
      ])
      .where("uid", "in", batch)
      .execute();
    const authors = new Map((await withAuthorLabels(db, rows)).map((r) => [r.uid, r.author_name]));
    // By subject only (index tags_subject): with « subject_type = 'amendment' » or an ORDER BY theme,
    // SQLite would walk every amendment tag through another index. Filtered and sorted here.
    const tags = (
      await db.selectFrom("tags").select(["subject_type", "subject_id", "theme"]).where("subject_id", "in", batch).execute()
    ).filter((t) => t.subject_type === "amendment");
    tags.sort((a, b) => (a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : 0));
    const themes = new Map<string, Array<{ id: string; label: string }>>();
    for (const t of tags)
      (themes.get(t.subject_id) ?? themes.set(t.subject_id, []).get(t.subject_id)!).push({
        id: t.theme,
        label: themeLabels.get(t.theme) ?? t.theme,
      });
    for (const r of rows) {
      const text = r.dispositif_text ?? r.notice;
      names.set(r.uid, {
        number: amendmentNumberLabel(r.number_long),
        summary: text ? cutOnWord(text, 300) : null,
        author: authors.get(r.uid) ?? null,
        chamber: r.chamber,
        stage: r.stage,
        target: targetPhrase({ kind: r.target_kind, position: r.target_position, article: r.target_article }),
        themes: themes.get(r.uid) ?? [],
      });
    }
  }
  return names;
}

/** Builds the feed document. `self` is the feed's own address, `page` the page it watches. */
export async function buildFeed(
  db: Kysely<Database>,
  events: readonly EventRow[],
  options: { title: string; origin: string; self: string; page: string; format: "rss" | "atom"; themeLabels: ReadonlyMap<string, string> },
): Promise<string> {
  const vocabulary = await feedVocabulary(db, events, options.themeLabels);
  const names = vocabulary.amendments;
  // Item ids name the feed and the event (RFC 4151 tag URIs): a reader subscribed to several
  // feeds that share an event keeps the item in each. Links stay the event's page.
  // The feed's path names it (a search feed's query stays out of its ids, in its self link).
  const feedName = options.self.replace(/\?.*$/, "").replace(/\.(atom|rss)$/, "");
  const itemId = (event: EventRow) => `tag:${new URL(options.origin).hostname},2026:${feedName}/evenements/${event.id}`;
  const diffs = await statusDiffExtracts(db, events);
  const updated = events.length ? new Date(events[0]!.recorded_at) : new Date(0);
  const feed = new Feed({
    title: options.title,
    description: `Suivi Navette : ${options.title}`,
    id: `${options.origin}${options.page}`,
    link: `${options.origin}${options.page}`,
    language: "fr",
    updated,
    copyright: "Données publiques de l'Assemblée nationale et du Sénat (Licence Ouverte)",
    generator: "Navette",
    feedLinks: { [options.format === "rss" ? "rss" : "atom"]: `${options.origin}${options.self}` },
    author: { name: "Navette" },
  });
  for (const event of events) {
    const { title, path, summary } = describeFeedEvent(event, vocabulary);
    const themes = event.subject_type === "amendment" ? (names.get(event.subject_id)?.themes ?? []) : [];
    const annotationId = annotationIdOf(event);
    const annotation = annotationId === null ? undefined : vocabulary.annotations.get(annotationId);
    feed.addItem({
      title: escapeHtml(title),
      // Atom requires `term` (RFC 4287): the theme's id, its name as label, the theme page as scheme.
      ...(themes.length
        ? { category: themes.map((t) => ({ term: t.id, name: escapeHtml(t.label), scheme: `${options.origin}/themes/` })) }
        : {}),
      id: itemId(event),
      link: `${options.origin}${path}`,
      // Dated by when it happened in Parliament (an amendment imported already decided: its decision).
      date: new Date(annotation?.updatedAt ?? validDate(event.occurred_at)?.toISOString() ?? event.recorded_at),
      published: validDate(event.occurred_at) ?? new Date(event.recorded_at),
      description: escapeHtml(summary),
      ...(diffs.has(event.id) ? { content: diffs.get(event.id)! } : {}),
      // An annotation reads as it does now: its Markdown rendered and sanitised, edits included.
      ...(annotation ? { content: annotation.html } : {}),
    });
  }
  return options.format === "rss" ? feed.rss2() : feed.atom1();
}
