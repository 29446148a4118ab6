/**
 * Reading what the navette engine needs for one dossier, and storing what it found: provisions
 * and their state at every step, with one event per new or changed state.
 */
import { readJsonColumn, isAlineaList, isOpenRange, isStringList, isStringRecord } from "./json-columns.js";
import { loadDecisionCensures } from "./constitutional-decisions.js";
import { decisionNumberOf } from "../../src/domain/constitutional-decision.js";
import type { Kysely } from "kysely";
import type { Alinea } from "../../src/domain/bill-text.js";
import type { PrintedStatus } from "../../src/domain/article-heading.js";
import type { Reading, Stage, StepPlace } from "../../src/domain/dossier.js";
import type { CauseCandidate } from "../../src/domain/navette/causes.js";
import type { NavetteStep } from "../../src/domain/navette/steps.js";
import type { Database, NewEventRow } from "../schema.js";
import { contentHash, nowIso } from "./common.js";
import { bumpDataVersion } from "./data-version.js";
import { eventOf } from "../../src/domain/events.js";
import type { ProvisionStatus } from "../../src/domain/navette/engine.js";
import { currentStatus } from "../../src/domain/navette/current-status.js";

/** The steps of a dossier with the texts imported for them. */
export async function loadNavetteSteps(db: Kysely<Database>, dossierUid: string): Promise<NavetteStep[]> {
  const steps = await db.selectFrom("dossier_steps").selectAll().where("dossier_uid", "=", dossierUid).orderBy("position").execute();
  const textUids = [...new Set(steps.map((s) => s.text_uid).filter((u): u is string => u !== null))];
  const texts = textUids.length
    ? await db.selectFrom("texts").select(["uid", "content_hash", "outcome"]).where("uid", "in", textUids).execute()
    : [];
  const withContent = new Map(texts.filter((t) => t.content_hash !== null).map((t) => [t.uid, t]));
  const articles = withContent.size
    ? await db
        .selectFrom("text_articles")
        .select(["text_uid", "number", "sort_key", "status", "alineas", "open_range"])
        .where("text_uid", "in", [...withContent.keys()])
        .orderBy("text_uid")
        .orderBy("position")
        .execute()
    : [];
  const byText = new Map<string, NavetteStep["articles"] & object>();
  for (const row of articles) {
    if (!row.number || !row.sort_key) continue;
    const list = (byText.get(row.text_uid) ?? []) as Array<NonNullable<NavetteStep["articles"]>[number]>;
    list.push({
      number: row.number,
      sortKey: row.sort_key,
      status: row.status as PrintedStatus,
      alineas: readJsonColumn(row.alineas, isAlineaList, "text_articles.alineas"),
      openRange: row.open_range ? readJsonColumn(row.open_range, isOpenRange, "text_articles.open_range") : null,
    });
    byText.set(row.text_uid, list);
  }
  const decisionOf = new Map(
    steps
      .filter((s) => s.stage === "conseil_constitutionnel")
      .map((s) => [s.step_key, decisionNumberOf(readJsonColumn(s.details, isStringRecord, "dossier_steps.details"))] as const),
  );
  const censures = await loadDecisionCensures(
    db,
    [...decisionOf.values()].filter((n): n is string => n !== null),
  );
  return steps.map((s) => {
    const decided = censures.get(decisionOf.get(s.step_key) ?? "");
    const text = s.text_uid ? withContent.get(s.text_uid) : undefined;
    const failed = s.succeeded === 0 || (text?.outcome !== null && text?.outcome !== undefined);
    return {
      key: s.step_key,
      place: s.place as StepPlace,
      reading: s.reading as Reading,
      stage: s.stage as Stage,
      date: s.date,
      succeeded: !failed,
      textUid: s.text_uid,
      articles: text && s.text_uid ? (byText.get(s.text_uid) ?? []) : null,
      ...(s.stage === "promulgation" && text ? { renumbered: true } : {}),
      ...(decided ? { censures: decided } : {}),
    };
  });
}

/** Amendments of a dossier, by the text they were filed on. */
export async function loadCauseCandidates(db: Kysely<Database>, dossierUid: string): Promise<Map<string, CauseCandidate[]>> {
  const rows = await db
    .selectFrom("amendments")
    .select(["uid", "text_uid", "outcome", "target_kind", "target_article", "target_position", "parent_uid"])
    .where("dossier_uid", "=", dossierUid)
    .where("outcome", "=", "adopte")
    .execute();
  const out = new Map<string, CauseCandidate[]>();
  for (const r of rows) {
    if (!r.text_uid) continue;
    const list = out.get(r.text_uid) ?? [];
    list.push({
      uid: r.uid,
      outcome: r.outcome,
      targetKind: r.target_kind,
      targetArticle: r.target_article,
      targetPosition: r.target_position,
      parentUid: r.parent_uid,
    });
    out.set(r.text_uid, list);
  }
  return out;
}

/** A provision state ready to store. */
export interface StoredState {
  readonly provisionId: string;
  readonly stepKey: string;
  readonly stepPosition: number;
  readonly stepDate: string | null;
  /** True at the promulgated law's step: its number is the law's, not the navette's. */
  readonly lawStep: boolean;
  readonly textUid: string | null;
  readonly number: string;
  readonly status: string;
  readonly changeRatio: number;
  readonly baseStepKey: string | null;
  readonly printed: boolean;
  readonly closed: boolean;
  readonly alineas: readonly Alinea[];
  readonly causes: readonly string[];
}

/** A provision ready to store. */
export interface StoredProvision {
  readonly id: string;
  readonly firstNumber: string;
  readonly states: readonly StoredState[];
}

/** Statuses worth an event (a feed item): what happened to the article at that step. */
const EVENTFUL = new Set(["new", "modified", "deleted", "re_established", "conforme", "censured", "partly_censured"]);

/**
 * The numbers a provision is known by: its number in the navette (the last one before the law:
 * « 15 ter »), and the law's (« 18 ») once the law is published.
 */
export function provisionNumbers(provision: StoredProvision): { navette: string; law: string | null } {
  const beforeLaw = provision.states.filter((s) => !s.lawStep);
  const law = provision.states.find((s) => s.lawStep);
  return { navette: beforeLaw.at(-1)?.number ?? law?.number ?? provision.firstNumber, law: law?.number ?? null };
}

/**
 * Replaces the dossier's provisions with `provisions` in one transaction. A state that is new
 * or whose status, number or text changed gives a `provision.status` event; re-storing the same
 * result writes nothing.
 */
export async function storeProvisions(
  db: Kysely<Database>,
  dossierUid: string,
  provisions: readonly StoredProvision[],
  runId: number | null,
): Promise<{ changed: number; events: number }> {
  return db.transaction().execute(async (trx) => {
    await bumpDataVersion(trx);
    const existing = await trx
      .selectFrom("provision_states")
      .select(["provision_id", "step_key", "status", "number", "alineas", "causes", "change_ratio", "closed", "printed", "base_step_key"])
      .where("dossier_uid", "=", dossierUid)
      .execute();
    const known = new Map(existing.map((r) => [`${r.provision_id}|${r.step_key}`, r]));
    const fingerprint = (s: {
      status: string;
      number: string;
      alineas: string;
      causes: string;
      closed: number;
      printed: number;
      base_step_key: string | null;
    }) => contentHash([s.status, s.number, s.alineas, s.causes, s.closed, s.printed, s.base_step_key]);
    const now = nowIso();
    const events: NewEventRow[] = [];
    const renumbered: RenumberedState[] = [];
    let changed = 0;
    const rows = provisions.flatMap((p) =>
      p.states.map((s) => ({
        dossier_uid: dossierUid,
        provision_id: p.id,
        step_key: s.stepKey,
        step_position: s.stepPosition,
        text_uid: s.textUid,
        number: s.number,
        status: s.status,
        change_ratio: Math.round(s.changeRatio * 10000) / 10000,
        base_step_key: s.baseStepKey,
        printed: s.printed ? 1 : 0,
        closed: s.closed ? 1 : 0,
        alineas: JSON.stringify(s.alineas),
        causes: JSON.stringify(s.causes),
      })),
    );
    const dates = new Map(provisions.flatMap((p) => p.states.map((s) => [`${p.id}|${s.stepKey}`, s.stepDate] as const)));
    const wanted = new Set(rows.map((r) => `${r.provision_id}|${r.step_key}`));
    const unchanged = rows.every((r) => {
      const old = known.get(`${r.provision_id}|${r.step_key}`);
      return old !== undefined && fingerprint(old) === fingerprint(r);
    });
    if (unchanged && existing.length === rows.length && existing.every((r) => wanted.has(`${r.provision_id}|${r.step_key}`))) {
      return { changed: 0, events: 0 };
    }
    for (const row of rows) {
      const old = known.get(`${row.provision_id}|${row.step_key}`);
      if (old && fingerprint(old) === fingerprint(row)) continue;
      changed++;
      // New state, new status or number, or a new text at that step: worth a feed item.
      const newsworthy = !old || old.status !== row.status || old.number !== row.number || old.alineas !== row.alineas;
      if (newsworthy && row.status === "renumbered") {
        const from = previousNumber(provisions, row.provision_id, row.step_key);
        renumbered.push({ row, from, date: dates.get(`${row.provision_id}|${row.step_key}`) ?? null });
      } else if (newsworthy && EVENTFUL.has(row.status)) {
        events.push({
          subject_type: "provision",
          subject_id: `${dossierUid}/${row.provision_id}`,
          dossier_uid: dossierUid,
          text_uid: row.text_uid,
          article: row.number,
          ...eventOf("provision.status", {
            step: row.step_key,
            status: row.status as ProvisionStatus,
            previous: (old?.status ?? null) as ProvisionStatus | null,
            number: row.number,
            causes: readJsonColumn(row.causes, isStringList, "provision_states.causes"),
            changeRatio: row.change_ratio,
          }),
          occurred_at: dates.get(`${row.provision_id}|${row.step_key}`) ?? null,
          recorded_at: now,
          run_id: runId,
        });
      }
    }
    events.push(...renumberingEvents(dossierUid, renumbered, now, runId));
    await trx.deleteFrom("provision_states").where("dossier_uid", "=", dossierUid).execute();
    await trx.deleteFrom("provisions").where("dossier_uid", "=", dossierUid).execute();
    for (let i = 0; i < rows.length; i += 100)
      await trx
        .insertInto("provision_states")
        .values(rows.slice(i, i + 100))
        .execute();
    const provisionRows = provisions.map((p, position) => {
      const numbers = provisionNumbers(p);
      return {
        dossier_uid: dossierUid,
        provision_id: p.id,
        position,
        first_number: p.firstNumber,
        last_number: numbers.navette,
        law_number: numbers.law,
        last_status: currentStatus(p.states),
      };
    });
    for (let i = 0; i < provisionRows.length; i += 200)
      await trx
        .insertInto("provisions")
        .values(provisionRows.slice(i, i + 200))
        .execute();
    for (let i = 0; i < events.length; i += 200)
      await trx
        .insertInto("events")
        .values(events.slice(i, i + 200))
        .execute();
    return { changed, events: events.length };
  });
}

/** A state whose only news is a new number. */
interface RenumberedState {
  readonly row: { provision_id: string; step_key: string; number: string; text_uid: string | null };
  readonly from: string | null;
  readonly date: string | null;
}

/** The provision's number at the step before `stepKey`. */
function previousNumber(provisions: readonly StoredProvision[], provisionId: string, stepKey: string): string | null {
  const states = provisions.find((p) => p.id === provisionId)?.states ?? [];
  const at = states.findIndex((s) => s.stepKey === stepKey);
  return at > 0 ? (states[at - 1]?.number ?? null) : null;
}

/**
 * Renumbering news: one `provision.renumbered` per article (its own feed says « devient l'article
 * 18 »), and one `dossier.renumbered` per step listing them all, so that bill-wide lists carry one
 * item instead of one per article.
 */
function renumberingEvents(dossierUid: string, states: readonly RenumberedState[], now: string, runId: number | null): NewEventRow[] {
  const events: NewEventRow[] = [];
  const bySteps = new Map<string, RenumberedState[]>();
  for (const state of states) {
    (bySteps.get(state.row.step_key) ?? bySteps.set(state.row.step_key, []).get(state.row.step_key)!).push(state);
    events.push({
      subject_type: "provision",
      subject_id: `${dossierUid}/${state.row.provision_id}`,
      dossier_uid: dossierUid,
      text_uid: state.row.text_uid,
      article: state.row.number,
      ...eventOf("provision.renumbered", { step: state.row.step_key, number: state.row.number, from: state.from }),
      occurred_at: state.date,
      recorded_at: now,
      run_id: runId,
    });
  }
  for (const [step, list] of bySteps) {
    events.push({
      subject_type: "dossier",
      subject_id: dossierUid,
      dossier_uid: dossierUid,
      text_uid: list[0]!.row.text_uid,
      article: null,
      ...eventOf("dossier.renumbered", {
        step,
        changes: list.map((s) => ({ from: s.from ?? s.row.number, to: s.row.number })),
      }),
      occurred_at: list[0]!.date,
      recorded_at: now,
      run_id: runId,
    });
  }
  return events;
}
