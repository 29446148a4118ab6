/**
 * Storing dossiers with their steps, and the texts they refer to. Events: `dossier.created`,
 * `dossier.step_added` for each new step, `dossier.updated` for other changes, `text.created`.
 */
import { senatTextOfUid } from "../../ingest/texts/identity.js";
import { readJsonColumn, isDossierRecord, isStringRecord } from "./json-columns.js";
import type { Kysely, Transaction } from "kysely";
import type { DossierRecord, DossierStep, TextRecord } from "../../src/domain/dossier.js";
import type { Database, NewEventRow } from "../schema.js";
import { chunk, contentHash, emptyCounts, nowIso, type StoreCounts } from "./common.js";
import { mergeDossiers } from "../../src/domain/dossier-merge.js";
import type { StoreContext } from "./amendments.js";
import { bumpDataVersion } from "./data-version.js";
import { AmendmentCountChanges } from "./amendment-counts.js";
import { eventOf } from "../../src/domain/events.js";

/** Key of a step that stays the same across re-imports: act code and occurrence ("AN1-COM-FOND-RAPPORT#1"). */
export function stepKeys(steps: readonly DossierStep[]): string[] {
  const seen = new Map<string, number>();
  return steps.map((step) => {
    const n = (seen.get(step.code) ?? 0) + 1;
    seen.set(step.code, n);
    return `${step.code}#${n}`;
  });
}

/** Stores dossiers (each in its own transaction with its events). */
export async function storeDossiers(db: Kysely<Database>, dossiers: readonly DossierRecord[], context: StoreContext): Promise<StoreCounts> {
  const counts = emptyCounts();
  for (const dossier of dossiers) {
    const outcome = await db.transaction().execute((trx) => storeDossier(trx, dossier, context));
    counts[outcome]++;
  }
  return counts;
}

async function storeDossier(trx: Transaction<Database>, dossier: DossierRecord, context: StoreContext): Promise<keyof StoreCounts> {
  const hash = contentHash(dossier);
  const previous = await trx.selectFrom("dossiers").select(["content_hash", "title"]).where("uid", "=", dossier.uid).executeTakeFirst();
  if (previous?.content_hash === hash) return "unchanged";
  await bumpDataVersion(trx);

  const now = nowIso();
  const fields = {
    legislature: dossier.legislature,
    title: dossier.title,
    slug: dossier.slug,
    procedure: dossier.procedure,
    senat_signet: dossier.senatSignet,
    senat_url: dossier.senatUrl,
    content_hash: hash,
    updated_at: now,
  };
  const oldKeys = new Set<string>();
  if (previous) {
    const rows = await trx.selectFrom("dossier_steps").select("step_key").where("dossier_uid", "=", dossier.uid).execute();
    for (const row of rows) oldKeys.add(row.step_key);
    await trx.updateTable("dossiers").set(fields).where("uid", "=", dossier.uid).execute();
    await trx.deleteFrom("dossier_steps").where("dossier_uid", "=", dossier.uid).execute();
  } else {
    await trx
      .insertInto("dossiers")
      .values({ uid: dossier.uid, ...fields, created_at: now })
      .execute();
  }

  const keys = stepKeys(dossier.steps);
  const events: NewEventRow[] = [];
  const base = {
    subject_type: "dossier",
    subject_id: dossier.uid,
    dossier_uid: dossier.uid,
    article: null,
    recorded_at: now,
    run_id: context.runId,
  };
  if (!previous) {
    events.push({
      ...base,
      ...eventOf("dossier.created", { title: dossier.title }),
      text_uid: null,
      occurred_at: dossier.steps[0]?.date ?? null,
    });
  }
  if (dossier.steps.length > 0) {
    await trx
      .insertInto("dossier_steps")
      .values(
        dossier.steps.map((step, position) => ({
          dossier_uid: dossier.uid,
          step_key: keys[position] as string,
          position,
          code: step.code,
          place: step.place,
          reading: step.reading,
          stage: step.stage,
          date: step.date,
          text_uid: step.textUid,
          text_role: step.textRole,
          outcome: step.outcome,
          succeeded: step.succeeded ? 1 : 0,
          details: JSON.stringify(step.details),
        })),
      )
      .execute();
  }
  let added = 0;
  dossier.steps.forEach((step, position) => {
    const key = keys[position] as string;
    if (!previous || oldKeys.has(key)) return;
    added++;
    events.push({
      ...base,
      ...eventOf("dossier.step_added", { step: key, place: step.place, reading: step.reading, stage: step.stage, outcome: step.outcome }),
      text_uid: step.textUid,
      occurred_at: step.date,
    });
  });
  if (previous && added === 0) {
    events.push({
      ...base,
      ...eventOf("dossier.updated", { title: dossier.title, previousTitle: previous.title }),
      text_uid: null,
      occurred_at: null,
    });
  }
  if (events.length > 0) await trx.insertInto("events").values(events).execute();
  return previous ? "changed" : "created";
}

/**
 * Stores text descriptions: known fields are never overwritten by unknown ones (a dossier step
 * knows a text's uid and role, the `document` record its title and number).
 */
export async function storeTexts(db: Kysely<Database>, texts: readonly TextRecord[], context: StoreContext): Promise<StoreCounts> {
  const counts = emptyCounts();
  if (texts.length === 0) return counts;
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    for (const text of texts) {
      const old = await trx.selectFrom("texts").selectAll().where("uid", "=", text.uid).executeTakeFirst();
      const merged = {
        dossier_uid: text.dossierUid ?? old?.dossier_uid ?? null,
        chamber: text.chamber ?? old?.chamber ?? null,
        number: text.number ?? old?.number ?? null,
        title: text.title ?? old?.title ?? null,
        kind: text.kind ?? old?.kind ?? null,
        date: text.date ?? old?.date ?? null,
      };
      if (!old) {
        await trx
          .insertInto("texts")
          .values({ uid: text.uid, ...merged, created_at: now, updated_at: now })
          .execute();
        await trx
          .insertInto("events")
          .values({
            subject_type: "text",
            subject_id: text.uid,
            dossier_uid: merged.dossier_uid,
            text_uid: text.uid,
            article: null,
            ...eventOf("text.created", { number: merged.number, kind: merged.kind }),
            occurred_at: merged.date,
            recorded_at: now,
            run_id: context.runId,
          })
          .execute();
        counts.created++;
      } else if ((Object.keys(merged) as (keyof typeof merged)[]).some((k) => merged[k] !== old[k])) {
        await trx
          .updateTable("texts")
          .set({ ...merged, updated_at: now })
          .where("uid", "=", text.uid)
          .execute();
        counts.changed++;
      } else counts.unchanged++;
    }
    if (counts.created + counts.changed > 0) await bumpDataVersion(trx);
  });
  return counts;
}

/** Where a dossier record comes from. */
export type DossierSource = "an" | "senat";

/**
 * Stores dossiers as one source saw them, then the merged dossier of each bill: the AN record
 * when there is one (with the Sénat's steps merged in, matched on the Sénat signet), else the
 * Sénat's own under `SENAT-<signet>` — replaced by the merged one once the AN record arrives.
 * Sénat amendments filed on the texts of the Sénat steps are then linked to the dossier.
 */
export async function storeDossierSources(
  db: Kysely<Database>,
  records: readonly DossierRecord[],
  source: DossierSource,
  context: StoreContext,
): Promise<StoreCounts> {
  const counts = emptyCounts();
  for (const record of records) {
    const key = record.senatSignet;
    await db
      .insertInto("dossier_sources")
      .values({ source, source_uid: record.uid, merge_key: key, record: JSON.stringify(record), updated_at: nowIso() })
      .onConflict((oc) =>
        oc.columns(["source", "source_uid"]).doUpdateSet({ merge_key: key, record: JSON.stringify(record), updated_at: nowIso() }),
      )
      .execute();
    const related = key ? await db.selectFrom("dossier_sources").select(["source", "record"]).where("merge_key", "=", key).execute() : [];
    const an =
      source === "an"
        ? record
        : related.filter((r) => r.source === "an").map((r) => readJsonColumn(r.record, isDossierRecord, "dossier_sources.record"))[0];
    const senat =
      source === "senat"
        ? record
        : related.filter((r) => r.source === "senat").map((r) => readJsonColumn(r.record, isDossierRecord, "dossier_sources.record"))[0];
    const merged = an && senat ? mergeDossiers(an, senat) : (an ?? record);
    const result = await storeDossiers(db, [merged], context);
    counts.created += result.created;
    counts.changed += result.changed;
    counts.unchanged += result.unchanged;
    if (an && senat && senat.uid !== merged.uid) {
      // The Sénat-only dossier stored before the AN record arrived is now part of the merged one.
      await db.transaction().execute(async (trx) => {
        await bumpDataVersion(trx);
        await trx.deleteFrom("dossiers").where("uid", "=", senat.uid).execute();
        await trx.updateTable("texts").set({ dossier_uid: merged.uid }).where("dossier_uid", "=", senat.uid).execute();
      });
    }
    if (senat) await linkSenatAmendments(db, merged);
  }
  return counts;
}

/**
 * Links Sénat amendments just stored without a dossier (`SN-<session>-<texte>-…`) to the dossiers
 * whose steps name their text; their events follow, so the run analyses those dossiers. Returns
 * how many were linked.
 */
export async function linkNewSenatAmendments(db: Kysely<Database>, uids: readonly string[]): Promise<number> {
  const texts = new Set(uids.map((uid) => /^SN-(\d{4})-\d{4}-(\d+)-/.exec(uid)).flatMap((m) => (m ? [`${m[1]}|${m[2]}`] : [])));
  const dossiers = new Set<string>();
  for (const key of texts) {
    const [year, number] = key.split("|") as [string, string];
    const steps = await db
      .selectFrom("dossier_steps")
      .select(["dossier_uid", "text_uid"])
      .where((eb) =>
        eb.or([
          eb("text_uid", "like", `%SNR5S${year}B%${number.padStart(4, "0")}`),
          eb("text_uid", "like", `SENAT-%${year.slice(2)}-%${number}`),
        ]),
      )
      .execute();
    for (const step of steps) {
      const text = step.text_uid ? senatTextOfUid(step.text_uid) : null;
      if (text && String(text.year) === year && text.number === number) dossiers.add(step.dossier_uid);
    }
  }
  let linked = 0;
  for (const dossierUid of dossiers) linked += await linkSenatAmendmentsOf(db, dossierUid, true);
  return linked;
}

/**
 * Links Sénat amendments (uids `SN-<session>-<texte>-…`) to the dossier and text of the step they
 * were filed on; the amendment counts follow them, in the same transaction.
 */
async function linkSenatAmendments(
  db: Kysely<Database>,
  dossier: { readonly uid: string; readonly steps: ReadonlyArray<Pick<DossierStep, "textUid" | "details">> },
  onlyUnlinked = false,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const counts = new AmendmentCountChanges();
    let linked = 0;
    for (const step of dossier.steps) {
      for (const ref of [step.textUid, step.details["texteSenat"]]) {
        const text = ref ? senatTextOfUid(ref) : null;
        if (!text) continue;
        const prefix = `SN-${text.year}-${text.year + 1}-${text.number}-`;
        const moved = await trx
          .selectFrom("amendments")
          .select(["uid", "dossier_uid", "text_uid", "provision_id", "outcome"])
          .where("uid", "like", `${prefix}%`)
          .where((eb) =>
            onlyUnlinked ? eb("dossier_uid", "is", null) : eb.or([eb("dossier_uid", "is", null), eb("dossier_uid", "!=", dossier.uid)]),
          )
          .execute();
        if (moved.length === 0) continue;
        for (const part of chunk(moved, 500)) {
          await trx
            .updateTable("amendments")
            // Its provision was one of another dossier: the next analysis of this one attaches it.
            .set({ dossier_uid: dossier.uid, text_uid: step.textUid, provision_id: null, provision_link: null })
            .where(
              "uid",
              "in",
              part.map((m) => m.uid),
            )
            .execute();
        }
        for (const part of chunk(moved, 500)) {
          // Their « déposé » news belongs to the bill from now on.
          await trx
            .updateTable("events")
            .set({ dossier_uid: dossier.uid })
            .where("subject_type", "=", "amendment")
            .where(
              "subject_id",
              "in",
              part.map((m) => m.uid),
            )
            .execute();
        }
        for (const m of moved) {
          counts.add(m, -1);
          counts.add({ ...m, dossier_uid: dossier.uid, text_uid: step.textUid, provision_id: null }, 1);
        }
        linked += moved.length;
      }
    }
    if (linked === 0) return 0;
    await counts.apply(trx);
    await bumpDataVersion(trx);
    return linked;
  });
}

/**
 * Links to a stored dossier the Sénat amendments imported after it (a jeu complet fetched once
 * the dossier told which texts it has); returns how many were linked.
 */
export async function linkSenatAmendmentsOf(db: Kysely<Database>, dossierUid: string, onlyUnlinked = false): Promise<number> {
  const steps = await db.selectFrom("dossier_steps").select(["text_uid", "details"]).where("dossier_uid", "=", dossierUid).execute();
  return linkSenatAmendments(
    db,
    {
      uid: dossierUid,
      steps: steps.map((s) => ({ textUid: s.text_uid, details: readJsonColumn(s.details, isStringRecord, "dossier_steps.details") })),
    },
    onlyUnlinked,
  );
}
