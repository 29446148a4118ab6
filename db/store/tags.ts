/**
 * Storing tags, citations and human decisions, with the events they make: `tag.found` the first
 * time a theme is found on a provision (never for an amendment: its theme is part of its own
 * items), `tag.lost` when a later version of the provision no longer has its evidence,
 * `tag.decided` when someone adds or rejects a tag.
 */
import { readJsonColumn, isAlineaList } from "./json-columns.js";
import { sql, type Kysely } from "kysely";
import type { Database, NewEventRow } from "../schema.js";
import { chunk, nowIso } from "./common.js";
import { amendmentParagraphs, type TaggedParagraph } from "../../src/domain/tagging/tagger.js";
import { bumpDataVersion } from "./data-version.js";
import { eventOf } from "../../src/domain/events.js";
import type { Evidence } from "../../src/domain/tagging/tagger.js";

/** A tag ready to store. */
export interface TagRow {
  readonly subjectType: "provision" | "amendment";
  readonly subjectId: string;
  readonly stepKey: string;
  readonly theme: string;
  readonly evidence: Evidence[];
}

/** A citation ready to store. */
export interface CitationRow {
  readonly subjectType: "provision" | "amendment";
  readonly subjectId: string;
  readonly stepKey: string;
  readonly code: string;
  readonly article: string;
  readonly alinea: number;
}

/** Steps at which each provision exists (not deleted), in order, to see a tag lost. */
export type AliveSteps = ReadonlyMap<string, readonly string[]>;

/** `provision|theme|step` where a provision alive at `step` lost the theme it had before. */
function lostFacts(
  rows: ReadonlyArray<{ subjectType: string; subjectId: string; stepKey: string; theme: string }>,
  alive: AliveSteps,
): Set<string> {
  const has = new Set(rows.filter((r) => r.subjectType === "provision").map((r) => `${r.subjectId}|${r.theme}|${r.stepKey}`));
  const themes = new Map<string, Set<string>>();
  for (const r of rows)
    if (r.subjectType === "provision") (themes.get(r.subjectId) ?? themes.set(r.subjectId, new Set()).get(r.subjectId)!).add(r.theme);
  const out = new Set<string>();
  for (const [provision, set] of themes) {
    const steps = alive.get(provision) ?? [];
    for (const theme of set) {
      let seen = false;
      for (const step of steps) {
        const present = has.has(`${provision}|${theme}|${step}`);
        if (present) seen = true;
        else if (seen) {
          out.add(`${provision}|${theme}|${step}`);
          seen = false;
        }
      }
    }
  }
  return out;
}

/** Replaces a dossier's tags and citations (one transaction) and records what changed as events. */
export async function storeDossierTags(
  db: Kysely<Database>,
  dossierUid: string,
  tags: readonly TagRow[],
  citations: readonly CitationRow[],
  alive: AliveSteps,
  rulesVersion: string,
  runId: number | null,
): Promise<{ tags: number; events: number }> {
  return db.transaction().execute(async (trx) => {
    await bumpDataVersion(trx);
    const old = await trx
      .selectFrom("tags")
      .select(["subject_type", "subject_id", "step_key", "theme"])
      .where("dossier_uid", "=", dossierUid)
      .execute();
    const oldRows = old.map((r) => ({ subjectType: r.subject_type, subjectId: r.subject_id, stepKey: r.step_key, theme: r.theme }));
    const oldFound = new Set(oldRows.map((r) => `${r.subjectType}|${r.subjectId}|${r.theme}`));
    const oldLost = lostFacts(oldRows, alive);
    const newLost = lostFacts(tags, alive);
    const now = nowIso();
    // A theme appears or goes with a version of the text: it happened at that step's date.
    const stepDates = new Map(
      (await trx.selectFrom("dossier_steps").select(["step_key", "date"]).where("dossier_uid", "=", dossierUid).execute()).map((s) => [
        s.step_key,
        s.date,
      ]),
    );
    const events: NewEventRow[] = [];
    const announced = new Set<string>();
    // A theme newly found on a provision is news; on an amendment it is part of the amendment's own
    // items (filed, outcome), in the theme's feed through the tags: no event of its own.
    for (const tag of tags) {
      const key = `${tag.subjectType}|${tag.subjectId}|${tag.theme}`;
      if (tag.subjectType !== "provision" || oldFound.has(key) || announced.has(key)) continue;
      announced.add(key);
      events.push({
        subject_type: tag.subjectType,
        subject_id: tag.subjectType === "provision" ? `${dossierUid}/${tag.subjectId}` : tag.subjectId,
        dossier_uid: dossierUid || null,
        text_uid: null,
        article: null,
        ...eventOf("tag.found", { theme: tag.theme, step: tag.stepKey || null, evidence: tag.evidence.slice(0, 3) }),
        occurred_at: stepDates.get(tag.stepKey) ?? null,
        recorded_at: now,
        run_id: runId,
      });
    }
    for (const fact of newLost) {
      if (oldLost.has(fact)) continue;
      const [provision, theme, step] = fact.split("|") as [string, string, string];
      events.push({
        subject_type: "provision",
        subject_id: `${dossierUid}/${provision}`,
        dossier_uid: dossierUid || null,
        text_uid: null,
        article: null,
        ...eventOf("tag.lost", { theme, step }),
        occurred_at: stepDates.get(step) ?? null,
        recorded_at: now,
        run_id: runId,
      });
    }
    await trx.deleteFrom("tags").where("dossier_uid", "=", dossierUid).execute();
    await trx.deleteFrom("citations").where("dossier_uid", "=", dossierUid).execute();
    for (const rows of chunk(tags, 200)) {
      await trx
        .insertInto("tags")
        .values(
          rows.map((t) => ({
            subject_type: t.subjectType,
            dossier_uid: dossierUid,
            subject_id: t.subjectId,
            step_key: t.stepKey,
            theme: t.theme,
            evidence: JSON.stringify(t.evidence),
            rules_version: rulesVersion,
          })),
        )
        .execute();
    }
    for (const rows of chunk(citations, 300)) {
      await trx
        .insertInto("citations")
        .values(
          rows.map((c) => ({
            subject_type: c.subjectType,
            dossier_uid: dossierUid,
            subject_id: c.subjectId,
            step_key: c.stepKey,
            code: c.code,
            article: c.article,
            alinea: c.alinea,
          })),
        )
        .execute();
    }
    for (const rows of chunk(events, 200)) await trx.insertInto("events").values(rows).execute();
    // The /themes and /codes pages read these few rows instead of counting every tag and citation.
    await trx.deleteFrom("citation_counts").where("dossier_uid", "=", dossierUid).execute();
    await sql`insert into citation_counts (dossier_uid, code, article, n)
      select dossier_uid, code, article, count(distinct subject_type || '/' || subject_id) from citations
      where dossier_uid = ${dossierUid} group by dossier_uid, code, article`.execute(trx);
    await trx.deleteFrom("theme_counts").where("dossier_uid", "=", dossierUid).execute();
    await sql`insert into theme_counts (dossier_uid, theme, subject_type, n)
      select dossier_uid, theme, subject_type, count(distinct subject_id) from tags
      where dossier_uid = ${dossierUid} group by dossier_uid, theme, subject_type`.execute(trx);
    return { tags: tags.length, events: events.length };
  });
}

/** Records a person's decision to add or reject a theme on a provision; it survives re-tagging. */
export async function decideTag(
  db: Kysely<Database>,
  decision: { dossierUid: string; provisionId: string; theme: string; decision: "added" | "rejected"; reason: string; author: string },
): Promise<void> {
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await bumpDataVersion(trx);
    await trx
      .insertInto("tag_decisions")
      .values({
        dossier_uid: decision.dossierUid,
        provision_id: decision.provisionId,
        theme: decision.theme,
        decision: decision.decision,
        reason: decision.reason,
        author: decision.author,
        created_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(["dossier_uid", "provision_id", "theme"])
          .doUpdateSet({ decision: decision.decision, reason: decision.reason, author: decision.author, created_at: now }),
      )
      .execute();
    await trx
      .insertInto("events")
      .values({
        subject_type: "provision",
        subject_id: `${decision.dossierUid}/${decision.provisionId}`,
        dossier_uid: decision.dossierUid,
        text_uid: null,
        article: null,
        ...eventOf("tag.decided", { theme: decision.theme, decision: decision.decision, reason: decision.reason, author: decision.author }),
        occurred_at: null,
        recorded_at: now,
        run_id: null,
      })
      .execute();
  });
}

/** A provision's themes as people decided them: what the rules found, plus added, minus rejected. */
export interface DecidedThemes {
  /** "<dossier uid>/<provision id>", the uid of a provision in a labels file. */
  readonly uid: string;
  readonly themes: string[];
  /** The decisions' reasons, with their authors. */
  readonly note: string;
}

/** Every provision with at least one person's decision, with its decided themes. */
export async function decidedThemes(db: Kysely<Database>): Promise<DecidedThemes[]> {
  const decisions = await db
    .selectFrom("tag_decisions")
    .selectAll()
    .orderBy("dossier_uid")
    .orderBy("provision_id")
    .orderBy("theme")
    .execute();
  if (decisions.length === 0) return [];
  const found = await db
    .selectFrom("tags")
    .select(["dossier_uid", "subject_id", "theme"])
    .distinct()
    .where("subject_type", "=", "provision")
    .where("dossier_uid", "in", [...new Set(decisions.map((d) => d.dossier_uid))])
    .execute();
  const foundThemes = new Map<string, Set<string>>();
  for (const t of found) {
    const key = `${t.dossier_uid}/${t.subject_id}`;
    (foundThemes.get(key) ?? foundThemes.set(key, new Set()).get(key)!).add(t.theme);
  }
  const byProvision = new Map<string, { themes: Set<string>; notes: string[] }>();
  for (const d of decisions) {
    const key = `${d.dossier_uid}/${d.provision_id}`;
    const entry = byProvision.get(key) ?? byProvision.set(key, { themes: new Set(foundThemes.get(key)), notes: [] }).get(key)!;
    if (d.decision === "added") entry.themes.add(d.theme);
    else entry.themes.delete(d.theme);
    entry.notes.push(`${d.decision === "added" ? "+" : "−"}${d.theme} (${d.author}) : ${d.reason}`);
  }
  return [...byProvision].map(([uid, e]) => ({ uid, themes: [...e.themes].sort(), note: e.notes.join(" ; ") }));
}

/**
 * The alinéas to tag for labelled uids, as the tagger reads them: amendments by uid (dispositif,
 * then exposé), provisions by "<dossier>/<id>" at their latest step where they exist.
 */
export async function labelledTexts(db: Kysely<Database>, uids: readonly string[]): Promise<Map<string, TaggedParagraph[]>> {
  const out = new Map<string, TaggedParagraph[]>();
  const amendmentUids = uids.filter((u) => !u.includes("/"));
  for (let i = 0; i < amendmentUids.length; i += 500) {
    const rows = await db
      .selectFrom("amendments")
      .select(["uid", "dispositif_text", "expose_text"])
      .where("uid", "in", amendmentUids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.uid, amendmentParagraphs(r.dispositif_text, r.expose_text));
  }
  for (const uid of uids.filter((u) => u.includes("/"))) {
    const [dossier = "", ...rest] = uid.split("/");
    const state = await db
      .selectFrom("provision_states")
      .select("alineas")
      .where("dossier_uid", "=", dossier)
      .where("provision_id", "=", rest.join("/"))
      .where("status", "not in", ["deleted", "absent"])
      .orderBy("step_position", "desc")
      .executeTakeFirst();
    if (state) out.set(uid, readJsonColumn(state.alineas, isAlineaList, "provision_states.alineas"));
  }
  return out;
}
