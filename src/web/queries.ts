/**
 * What the pages read from the database. Read-only.
 */
import { ARTICLE_ONLY_KINDS } from "../domain/events.js";
import { cutOnWord, lawNumbered, partialDossierTitle } from "../domain/wording.js";
import { textNumberOf } from "../domain/text-number.js";
import { dossiersKnownByAmendments, type PartialDossierSummary } from "../../db/read/partial-dossier.js";
import { anAmendmentUrl, memberUrl, senatAmendmentUrl } from "../domain/links.js";
import { inDateOrder } from "../domain/dossier.js";
import { readJsonColumn, isAlineaList, isStringList, isEvidenceList } from "../../db/store/json-columns.js";
import { withAuthorLabels } from "../../db/store/people.js";
import { isCreditTable } from "../domain/credit-table.js";
import { sql, type Kysely } from "kysely";
import { stepLabel } from "../../views/format.js";
import type { Database } from "../../db/schema.js";
import type {
  AmendmentView,
  CodeArticleCount,
  DossierDetail,
  DossierSummary,
  ProvisionDetail,
  ProvisionMatrix,
  ProvisionTheme,
  TaggedProvision,
  ThemeCount,
} from "../../views/models.js";

export type {
  AmendmentView,
  CodeArticleCount,
  DossierDetail,
  DossierSummary,
  MatrixStep,
  ProvisionAmendment,
  ProvisionDetail,
  ProvisionMatrix,
  ProvisionStepView,
  ProvisionTheme,
  StoredEvidence,
  TaggedProvision,
  ThemeCount,
} from "../../views/models.js";
import { readEvent, stepOf } from "../domain/events.js";

/** The first number in a discussion order or amendment number ("CL12" → 12), for sorting; none sorts last. */
function leadingNumber(value: string | null): number {
  const match = /\d+/.exec(value ?? "");
  return match ? Number(match[0]) : Number.POSITIVE_INFINITY;
}

/** Bills, the most recently active first. */
export async function listDossiers(db: Kysely<Database>): Promise<DossierSummary[]> {
  const dossiers = await db.selectFrom("dossiers").selectAll().execute();
  // Counts kept at write time (db/store/amendment-counts.ts): a few rows per bill, whatever the number of amendments.
  const amendmentCounts = await db
    .selectFrom("amendment_counts")
    .select(["dossier_uid", "outcome", "n"])
    .where("facet", "=", "dossier")
    .execute();
  const lastDates = await db
    .selectFrom("dossier_steps")
    .select(["dossier_uid", (eb) => eb.fn.max("date").as("last")])
    .groupBy("dossier_uid")
    .execute();
  const last = new Map(lastDates.map((r) => [r.dossier_uid, r.last]));
  return dossiers
    .map((d) => {
      const counts = amendmentCounts.filter((c) => c.dossier_uid === d.uid);
      return {
        uid: d.uid,
        title: d.title,
        legislature: d.legislature,
        procedure: d.procedure,
        amendments: counts.reduce((sum, c) => sum + Number(c.n), 0),
        adopted: counts.filter((c) => c.outcome === "adopte").reduce((sum, c) => sum + Number(c.n), 0),
        lastStepDate: last.get(d.uid) ?? null,
        partial: false,
      };
    })
    .concat((await dossiersKnownByAmendments(db)).map(partialSummary))
    .sort((a, b) => (b.lastStepDate ?? "").localeCompare(a.lastStepDate ?? "") || a.title.localeCompare(b.title, "fr"));
}

/** A bill known only by its amendments, in the list of bills: named by its texts, marked partial. */
function partialSummary(d: PartialDossierSummary): DossierSummary {
  const numbers = d.textUids
    .map(textNumberOf)
    .filter((n): n is string => n !== null)
    .sort((a, b) => a.localeCompare(b, "fr", { numeric: true }));
  const legislature = /L(\d+)N/u.exec(d.uid)?.[1] ?? null;
  return {
    uid: d.uid,
    title: partialDossierTitle(numbers),
    legislature,
    procedure: null,
    amendments: d.amendments,
    adopted: d.adopted,
    lastStepDate: null,
    partial: true,
  };
}

/** Everything the bill page shows, or null when the bill is unknown. */
export async function getDossier(db: Kysely<Database>, uid: string): Promise<DossierDetail | null> {
  const dossier = await db.selectFrom("dossiers").selectAll().where("uid", "=", uid).executeTakeFirst();
  if (!dossier) return null;
  const steps = inDateOrder(await db.selectFrom("dossier_steps").selectAll().where("dossier_uid", "=", uid).orderBy("position").execute());
  const texts = await db.selectFrom("texts").select(["uid", "number", "title"]).where("dossier_uid", "=", uid).execute();
  const amendmentsByText = (
    await db
      .selectFrom("amendment_counts")
      .select(["key", "outcome", "n"])
      .where("dossier_uid", "=", uid)
      .where("facet", "=", "text")
      .execute()
  ).map((r) => ({ text_uid: r.key === "" ? null : r.key, outcome: r.outcome, n: r.n }));
  // The latest changes by when they happened in Parliament (the date the data gives), not by import.
  const events = await db
    .selectFrom("events")
    .selectAll()
    .where("dossier_uid", "=", uid)
    // An article's renumbering is said once for the bill (`dossier.renumbered`), not per article.
    .where("kind", "not in", ARTICLE_ONLY_KINDS)
    .orderBy(sql`coalesce(${sql.ref("occurred_at")}, ${sql.ref("recorded_at")})`, "desc")
    .orderBy("id", "desc")
    .limit(60)
    .execute();
  return {
    dossier,
    steps,
    texts: new Map(texts.map((t) => [t.uid, { number: t.number, title: t.title }])),
    amendmentsByText: amendmentsByText.map((r) => ({ ...r, n: Number(r.n) })),
    events,
  };
}

/** Provisions of a bill with their status at each step that has a text. */
export async function getProvisionMatrix(db: Kysely<Database>, dossierUid: string): Promise<ProvisionMatrix> {
  const provisions = await db.selectFrom("provisions").selectAll().where("dossier_uid", "=", dossierUid).orderBy("position").execute();
  const states = await db
    .selectFrom("provision_states")
    .select(["provision_id", "step_key", "status", "number", "change_ratio"])
    // The length of the stored alinéas: the size of the article's text at that step, for the navette's picture.
    .select(sql<number>`length(alineas)`.as("size"))
    .where("dossier_uid", "=", dossierUid)
    .execute();
  const stepKeys = new Set(states.map((s) => s.step_key));
  const steps = (await db.selectFrom("dossier_steps").selectAll().where("dossier_uid", "=", dossierUid).orderBy("position").execute())
    .filter((s) => stepKeys.has(s.step_key))
    .map((s) => ({ key: s.step_key, place: s.place, reading: s.reading, stage: s.stage, date: s.date }));
  type Cell = { status: string; number: string; changeRatio: number; size: number };
  const byProvision = new Map<string, Map<string, Cell>>();
  for (const s of states) {
    const map = byProvision.get(s.provision_id) ?? new Map<string, Cell>();
    map.set(s.step_key, { status: s.status, number: s.number, changeRatio: Number(s.change_ratio), size: Number(s.size) });
    byProvision.set(s.provision_id, map);
  }
  const counts = new Map<string, number>();
  const rows = await db
    .selectFrom("amendment_counts")
    .select(["key", "n"])
    .where("dossier_uid", "=", dossierUid)
    .where("facet", "=", "provision")
    .execute();
  for (const row of rows) counts.set(row.key, (counts.get(row.key) ?? 0) + Number(row.n));
  return {
    steps,
    provisions: provisions.map((p) => ({
      id: p.provision_id,
      firstNumber: p.first_number,
      lastNumber: p.last_number,
      lawNumber: p.law_number,
      lastStatus: p.last_status,
      states: byProvision.get(p.provision_id) ?? new Map(),
      amendments: counts.get(p.provision_id) ?? 0,
    })),
    unattachedAmendments: counts.get("") ?? 0,
  };
}

/** Everything the provision page shows, or null when unknown. */
export async function getProvision(db: Kysely<Database>, dossierUid: string, provisionId: string): Promise<ProvisionDetail | null> {
  const dossier = await db.selectFrom("dossiers").selectAll().where("uid", "=", dossierUid).executeTakeFirst();
  const provision = await db
    .selectFrom("provisions")
    .selectAll()
    .where("dossier_uid", "=", dossierUid)
    .where("provision_id", "=", provisionId)
    .executeTakeFirst();
  if (!dossier || !provision) return null;
  const states = await provisionStatesAtSteps(db, dossierUid, provisionId);
  const causeUids = [...new Set(states.flatMap((s) => readJsonColumn(s.causes, isStringList, "provision_states.causes")))];
  const causes = causeUids.length
    ? await withAuthorLabels(
        db,
        await db
          .selectFrom("amendments")
          .select(["uid", "number_long", "author_name", "author_ref", "group_ref"])
          .where("uid", "in", causeUids)
          .execute(),
      )
    : [];
  const causeByUid = new Map(causes.map((c) => [c.uid, { uid: c.uid, numberLong: c.number_long, authorName: c.author_name }]));
  const amendments = await provisionAmendments(db, dossierUid, provisionId);

  return {
    dossier,
    id: provision.provision_id,
    firstNumber: provision.first_number,
    lastNumber: provision.last_number,
    lawNumber: provision.law_number,
    steps: states.map((s) => ({
      stepKey: s.step_key,
      place: s.place,
      reading: s.reading,
      stage: s.stage,
      date: s.date,
      textUid: s.text_uid,
      number: s.number,
      status: s.status,
      changeRatio: Number(s.change_ratio),
      printed: s.printed === 1,
      closed: s.closed === 1,
      alineas: readJsonColumn(s.alineas, isAlineaList, "provision_states.alineas"),
      causes: readJsonColumn(s.causes, isStringList, "provision_states.causes").map(
        (uid) => causeByUid.get(uid) ?? { uid, numberLong: uid, authorName: null },
      ),
    })),
    amendments: amendments.map(provisionAmendmentView),
  };
}

/** A provision's state at each step, with the step's place, reading, stage and date, in order. */
function provisionStatesAtSteps(db: Kysely<Database>, dossierUid: string, provisionId: string) {
  return db
    .selectFrom("provision_states")
    .innerJoin("dossier_steps", (join) =>
      join
        .onRef("dossier_steps.dossier_uid", "=", "provision_states.dossier_uid")
        .onRef("dossier_steps.step_key", "=", "provision_states.step_key"),
    )
    .select([
      "provision_states.step_key",
      "provision_states.text_uid",
      "provision_states.number",
      "provision_states.status",
      "provision_states.change_ratio",
      "provision_states.printed",
      "provision_states.closed",
      "provision_states.alineas",
      "provision_states.causes",
      "dossier_steps.place",
      "dossier_steps.reading",
      "dossier_steps.stage",
      "dossier_steps.date",
    ])
    .where("provision_states.dossier_uid", "=", dossierUid)
    .where("provision_states.provision_id", "=", provisionId)
    .orderBy("provision_states.step_position")
    .execute();
}

/** The amendments the analysis attached to a provision, with their authors' names, in discussion order. */
async function provisionAmendments(db: Kysely<Database>, dossierUid: string, provisionId: string) {
  // The amendments attached to this provision by the analysis (by the text each was filed on, not by bare number).
  const amendments = await withAuthorLabels(
    db,
    await db.selectFrom("amendments").selectAll().where("dossier_uid", "=", dossierUid).where("provision_id", "=", provisionId).execute(),
  );
  // In the order of the navette: by the step of the text each was filed on (the Sénat's committee
  // before the Assemblée's when the bill started in the Sénat), then in discussion order where
  // known, then by number — both compared as numbers ("9" before "10").
  const steps = await db.selectFrom("dossier_steps").select(["text_uid", "position"]).where("dossier_uid", "=", dossierUid).execute();
  const textPosition = new Map<string, number>();
  for (const step of steps) if (step.text_uid && !textPosition.has(step.text_uid)) textPosition.set(step.text_uid, step.position);
  const positionOf = (uid: string | null): number => (uid ? (textPosition.get(uid) ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER);
  amendments.sort(
    (a, b) =>
      positionOf(a.text_uid) - positionOf(b.text_uid) ||
      (a.text_uid ?? "").localeCompare(b.text_uid ?? "") ||
      leadingNumber(a.discussion_order) - leadingNumber(b.discussion_order) ||
      leadingNumber(a.number) - leadingNumber(b.number) ||
      a.uid.localeCompare(b.uid),
  );

  return amendments;
}

/** An amendment as the provision page lists it. */
function provisionAmendmentView(a: Awaited<ReturnType<typeof provisionAmendments>>[number]): ProvisionDetail["amendments"][number] {
  return {
    uid: a.uid,
    numberLong: a.number_long,
    textUid: a.text_uid,
    chamber: a.chamber,
    stage: a.stage,
    outcome: a.outcome,
    outcomeDetail: a.outcome_detail,
    authorName: a.author_name,
    authorType: a.author_type,
    groupRef: a.group_ref,
    groupName: a.group_name,
    targetKind: a.target_kind,
    targetPosition: a.target_position,
    targetArticle: a.target_article,
    alinea: a.target_alinea,
    parentUid: a.parent_uid,
    summary: a.dispositif_text ? cutOnWord(a.dispositif_text, 240) : a.notice,
    discussionOrder: a.discussion_order,
  };
}

/** One amendment with everything its page shows. */
export async function getAmendment(db: Kysely<Database>, uid: string): Promise<AmendmentView | null> {
  const stored = await db.selectFrom("amendments").selectAll().where("uid", "=", uid).executeTakeFirst();
  if (!stored) return null;
  const [amendment] = await withAuthorLabels(db, [stored]);
  if (!amendment) return null;
  const identical = amendment.identical_discussion_id
    ? await db
        .selectFrom("amendments")
        .select(["uid", "number_long", "author_name", "author_ref", "group_ref", "outcome"])
        .where("identical_discussion_id", "=", amendment.identical_discussion_id)
        .where("text_uid", "=", amendment.text_uid)
        .where("uid", "!=", uid)
        .execute()
    : [];
  const subAmendments = await db
    .selectFrom("amendments")
    .select(["uid", "number_long", "author_name", "author_ref", "group_ref", "outcome"])
    .where("parent_uid", "=", uid)
    .execute();
  // Identical and sub-amendments named in one pass (one query per kind of code).
  const related = await withAuthorLabels(db, [...identical, ...subAmendments]);
  const parent = amendment.parent_uid
    ? await db.selectFrom("amendments").select(["uid", "number_long"]).where("uid", "=", amendment.parent_uid).executeTakeFirst()
    : undefined;
  const provision = amendment.provision_id ? { provision_id: amendment.provision_id } : undefined;
  const dossier = amendment.dossier_uid
    ? await db.selectFrom("dossiers").select(["uid", "title"]).where("uid", "=", amendment.dossier_uid).executeTakeFirst()
    : undefined;
  const organ = amendment.organ_ref
    ? await db.selectFrom("organs").select("abbreviation").where("uid", "=", amendment.organ_ref).executeTakeFirst()
    : undefined;
  const tags = await db
    .selectFrom("tags")
    .select(["theme", "evidence"])
    .where("subject_type", "=", "amendment")
    .where("subject_id", "=", uid)
    .orderBy("theme")
    .execute();
  const address = { textNumber: amendment.text_number, stage: amendment.stage, numberLong: amendment.number_long };
  return {
    amendment,
    officialUrl:
      amendment.chamber === "AN"
        ? anAmendmentUrl({
            ...address,
            legislature: amendment.legislature,
            organAbbreviation: organ?.abbreviation ?? null,
            secondDeliberation: amendment.second_deliberation === 1,
          })
        : senatAmendmentUrl(address),
    authorUrl:
      amendment.author_type === "depute" || amendment.author_type === "senateur"
        ? memberUrl(amendment.chamber, amendment.author_ref)
        : null,
    themes: tags.map((t) => ({ theme: t.theme, evidence: readJsonColumn(t.evidence, isEvidenceList, "tags.evidence") })),
    credits: amendment.credits ? readJsonColumn(amendment.credits, isCreditTable, "amendments.credits") : null,
    identical: related.slice(0, identical.length),
    subAmendments: related.slice(identical.length),
    parent: parent ?? null,
    provisionId: provision?.provision_id ?? null,
    dossier: dossier ?? null,
  };
}

/** Themes and code citations of a provision. */
export async function getProvisionThemes(db: Kysely<Database>, dossierUid: string, provisionId: string) {
  const tags = await db
    .selectFrom("tags")
    .select(["theme", "step_key", "evidence"])
    .where("subject_type", "=", "provision")
    .where("dossier_uid", "=", dossierUid)
    .where("subject_id", "=", provisionId)
    .execute();
  const decisions = await db
    .selectFrom("tag_decisions")
    .selectAll()
    .where("dossier_uid", "=", dossierUid)
    .where("provision_id", "=", provisionId)
    .execute();
  const themes = new Map<string, ProvisionTheme>();
  for (const tag of tags) {
    const entry = themes.get(tag.theme) ?? { theme: tag.theme, steps: [], decision: null };
    entry.steps.push({ stepKey: tag.step_key, evidence: readJsonColumn(tag.evidence, isEvidenceList, "tags.evidence") });
    themes.set(tag.theme, entry);
  }
  for (const d of decisions) {
    const entry = themes.get(d.theme) ?? { theme: d.theme, steps: [], decision: null };
    themes.set(d.theme, { ...entry, decision: { decision: d.decision, reason: d.reason, author: d.author, createdAt: d.created_at } });
  }
  const citations = await db
    .selectFrom("citations")
    .select(["code", "article"])
    .where("subject_type", "=", "provision")
    .where("dossier_uid", "=", dossierUid)
    .where("subject_id", "=", provisionId)
    .distinct()
    .orderBy("code")
    .orderBy("article")
    .execute();
  return { themes: [...themes.values()].sort((a, b) => a.theme.localeCompare(b.theme)), citations };
}

/** Themes each provision of a bill carries (rules, minus rejected, plus added), for the matrix. */
export async function getDossierThemes(db: Kysely<Database>, dossierUid: string): Promise<Map<string, string[]>> {
  return (await getThemesByDossier(db, [dossierUid])).get(dossierUid) ?? new Map();
}

/**
 * Themes of every provision of several bills, in two queries whatever their number: bill uid →
 * provision id → themes (rules, minus rejected, plus added).
 */
export async function getThemesByDossier(
  db: Kysely<Database>,
  dossierUids: readonly string[],
): Promise<Map<string, Map<string, string[]>>> {
  const out = new Map<string, Map<string, Set<string>>>();
  if (dossierUids.length === 0) return new Map();
  const themesOf = (dossier: string, provision: string): Set<string> => {
    const byProvision = out.get(dossier) ?? out.set(dossier, new Map()).get(dossier)!;
    return byProvision.get(provision) ?? byProvision.set(provision, new Set()).get(provision)!;
  };
  const tags = await db
    .selectFrom("tags")
    .select(["dossier_uid", "subject_id", "theme"])
    .where("subject_type", "=", "provision")
    .where("dossier_uid", "in", dossierUids)
    .distinct()
    .execute();
  for (const t of tags) if (t.dossier_uid) themesOf(t.dossier_uid, t.subject_id).add(t.theme);
  const decisions = await db
    .selectFrom("tag_decisions")
    .select(["dossier_uid", "provision_id", "theme", "decision"])
    .where("dossier_uid", "in", dossierUids)
    .execute();
  for (const d of decisions) {
    const themes = themesOf(d.dossier_uid, d.provision_id);
    if (d.decision === "rejected") themes.delete(d.theme);
    else themes.add(d.theme);
  }
  return new Map(
    [...out.entries()].map(([dossier, byProvision]) => [
      dossier,
      new Map([...byProvision.entries()].map(([id, themes]) => [id, [...themes].sort()])),
    ]),
  );
}

/** The provisions of each bill that carry a theme, with their last number, for the home page (three queries in all). */
export async function getTaggedProvisionsByDossier(
  db: Kysely<Database>,
  dossierUids: readonly string[],
): Promise<Map<string, TaggedProvision[]>> {
  const themes = await getThemesByDossier(db, dossierUids);
  const tagged = [...themes.entries()].flatMap(([dossier, byProvision]) =>
    [...byProvision.entries()].filter(([, t]) => t.length > 0).map(([id]) => ({ dossier, id })),
  );
  const out = new Map<string, TaggedProvision[]>();
  if (tagged.length === 0) return out;
  const dossiers = [...new Set(tagged.map((t) => t.dossier))];
  const rows = await db
    .selectFrom("provisions")
    .select(["dossier_uid", "provision_id", "last_number", "law_number", "last_status"])
    .where("dossier_uid", "in", dossiers)
    .orderBy("dossier_uid")
    .orderBy("position")
    .execute();
  const changes = await lastStatusChanges(db, dossiers);
  for (const r of rows) {
    const provisionThemes = themes.get(r.dossier_uid)?.get(r.provision_id) ?? [];
    if (provisionThemes.length === 0) continue;
    const list = out.get(r.dossier_uid) ?? out.set(r.dossier_uid, []).get(r.dossier_uid)!;
    list.push({
      id: r.provision_id,
      number: lawNumbered({ navette: r.last_number, law: r.law_number }),
      themes: provisionThemes,
      status: r.last_status,
      lastChange: changes.get(`${r.dossier_uid}/${r.provision_id}`) ?? null,
    });
  }
  return out;
}

/** The latest status change of each provision of these dossiers (step, date in Parliament, date learnt). */
async function lastStatusChanges(db: Kysely<Database>, dossiers: readonly string[]): Promise<Map<string, TaggedProvision["lastChange"]>> {
  // Only the newest status event of each provision is read, however long its history.
  const events = await db
    .selectFrom("events")
    .select(["kind", "subject_id", "dossier_uid", "payload", "occurred_at", "recorded_at"])
    .where("id", "in", (eb) =>
      eb
        .selectFrom("events")
        .select((e) => e.fn.max("id").as("id"))
        .where("kind", "=", "provision.status")
        .where("dossier_uid", "in", dossiers)
        .groupBy("subject_id"),
    )
    .execute();
  const names = await stepNames(db, dossiers);
  const out = new Map<string, TaggedProvision["lastChange"]>();
  for (const e of events) {
    const step = stepOf(readEvent(e)) ?? "";
    out.set(e.subject_id, { step: names.get(`${e.dossier_uid ?? ""}|${step}`) ?? step, date: e.occurred_at, recordedAt: e.recorded_at });
  }
  return out;
}

/** « 1re lecture · Sénat · dépôt » for every step of these dossiers, by `${dossier uid}|${step key}`. */
export async function stepNames(db: Kysely<Database>, dossiers: readonly string[]): Promise<Map<string, string>> {
  if (dossiers.length === 0) return new Map();
  const steps = await db
    .selectFrom("dossier_steps")
    .select(["dossier_uid", "step_key", "reading", "place", "stage"])
    .where("dossier_uid", "in", dossiers)
    .execute();
  return new Map(steps.map((s) => [`${s.dossier_uid}|${s.step_key}`, stepLabel(s)]));
}

/** Every provision and amendment with a theme, for the theme page. */
export async function getThemeSubjects(db: Kysely<Database>, theme: string) {
  const provisions = await db
    .selectFrom("tags")
    .innerJoin("provisions", (join) =>
      join.onRef("provisions.dossier_uid", "=", "tags.dossier_uid").onRef("provisions.provision_id", "=", "tags.subject_id"),
    )
    .innerJoin("dossiers", "dossiers.uid", "tags.dossier_uid")
    .select([
      "tags.dossier_uid",
      "tags.subject_id",
      "provisions.first_number",
      "provisions.last_number",
      "provisions.law_number",
      "provisions.last_status",
      "dossiers.title",
    ])
    .where("tags.subject_type", "=", "provision")
    .where("tags.theme", "=", theme)
    .distinct()
    .execute();
  const rejected = await db
    .selectFrom("tag_decisions")
    .select(["dossier_uid", "provision_id"])
    .where("theme", "=", theme)
    .where("decision", "=", "rejected")
    .execute();
  const added = await db
    .selectFrom("tag_decisions")
    .innerJoin("provisions", (join) =>
      join
        .onRef("provisions.dossier_uid", "=", "tag_decisions.dossier_uid")
        .onRef("provisions.provision_id", "=", "tag_decisions.provision_id"),
    )
    .innerJoin("dossiers", "dossiers.uid", "tag_decisions.dossier_uid")
    .select([
      "tag_decisions.dossier_uid",
      "tag_decisions.provision_id as subject_id",
      "provisions.first_number",
      "provisions.last_number",
      "provisions.law_number",
      "provisions.last_status",
      "dossiers.title",
    ])
    .where("tag_decisions.theme", "=", theme)
    .where("tag_decisions.decision", "=", "added")
    .execute();
  const isRejected = new Set(rejected.map((r) => `${r.dossier_uid}|${r.provision_id}`));
  const merged = new Map<string, (typeof provisions)[number]>();
  for (const p of [...provisions, ...added])
    if (!isRejected.has(`${p.dossier_uid}|${p.subject_id}`)) merged.set(`${p.dossier_uid}|${p.subject_id}`, p);
  const amendments = await db
    .selectFrom("tags")
    .innerJoin("amendments", "amendments.uid", "tags.subject_id")
    .select([
      "amendments.uid",
      "amendments.number_long",
      "amendments.outcome",
      "amendments.target_article",
      "amendments.author_name",
      "amendments.author_ref",
      "amendments.group_ref",
      "amendments.dossier_uid",
      "amendments.discussion_order",
    ])
    .where("tags.subject_type", "=", "amendment")
    .where("tags.theme", "=", theme)
    // In the order of the index tags_theme, so that the query stops after 500 rows; the rows are then ordered here.
    .orderBy("tags.dossier_uid")
    .orderBy("tags.subject_id")
    .limit(500)
    .execute();
  amendments.sort(
    (a, b) =>
      (a.dossier_uid ?? "").localeCompare(b.dossier_uid ?? "") || leadingNumber(a.discussion_order) - leadingNumber(b.discussion_order),
  );
  return { provisions: [...merged.values()], amendments: await withAuthorLabels(db, amendments) };
}

/** Provisions and amendments citing a code article. */
export async function getCodeArticleSubjects(db: Kysely<Database>, code: string, article: string) {
  const provisions = await db
    .selectFrom("citations")
    .innerJoin("provisions", (join) =>
      join.onRef("provisions.dossier_uid", "=", "citations.dossier_uid").onRef("provisions.provision_id", "=", "citations.subject_id"),
    )
    .innerJoin("dossiers", "dossiers.uid", "citations.dossier_uid")
    .select([
      "citations.dossier_uid",
      "citations.subject_id",
      "provisions.first_number",
      "provisions.last_number",
      "provisions.law_number",
      "provisions.last_status",
      "dossiers.title",
    ])
    .where("citations.subject_type", "=", "provision")
    .where("citations.code", "=", code)
    .where("citations.article", "=", article)
    .distinct()
    .execute();
  const amendments = await db
    .selectFrom("citations")
    .innerJoin("amendments", "amendments.uid", "citations.subject_id")
    .select([
      "amendments.uid",
      "amendments.number_long",
      "amendments.outcome",
      "amendments.target_article",
      "amendments.author_name",
      "amendments.author_ref",
      "amendments.group_ref",
      "amendments.dossier_uid",
    ])
    .where("citations.subject_type", "=", "amendment")
    .where("citations.code", "=", code)
    .where("citations.article", "=", article)
    .distinct()
    .limit(500)
    .execute();
  return { provisions, amendments: await withAuthorLabels(db, amendments) };
}

/** Articles and amendments per theme, for the themes index. */
export async function getThemeCounts(db: Kysely<Database>): Promise<Map<string, ThemeCount>> {
  // Counts kept with the tags (db/store/tags.ts): a few rows per bill and theme.
  const rows = await db.selectFrom("theme_counts").select(["theme", "subject_type", "n"]).execute();
  const out = new Map<string, ThemeCount>();
  for (const r of rows) {
    const entry = out.get(r.theme) ?? { theme: r.theme, provisions: 0, amendments: 0 };
    out.set(
      r.theme,
      r.subject_type === "provision"
        ? { ...entry, provisions: entry.provisions + Number(r.n) }
        : { ...entry, amendments: entry.amendments + Number(r.n) },
    );
  }
  return out;
}

/** Every code article cited, by code then article, for the codes index. */
export async function listCodeArticles(db: Kysely<Database>): Promise<CodeArticleCount[]> {
  // Counts kept with the citations (db/store/tags.ts), summed over the bills.
  const rows = await db.selectFrom("citation_counts").select(["code", "article", "n"]).execute();
  const totals = new Map<string, CodeArticleCount>();
  for (const r of rows) {
    const key = `${r.code}|${r.article}`;
    totals.set(key, { code: r.code, article: r.article, subjects: (totals.get(key)?.subjects ?? 0) + Number(r.n) });
  }
  const collator = new Intl.Collator("fr", { numeric: true });
  return [...totals.values()].sort((a, b) => collator.compare(a.code, b.code) || collator.compare(a.article, b.article));
}
