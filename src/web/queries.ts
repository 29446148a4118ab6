/**
 * What the pages read from the database. Read-only.
 */
import type { Kysely } from "kysely";
import type { Database, DossierRow, DossierStepRow, EventRow } from "../../db/schema.js";

/** A bill in the list of bills. */
export interface DossierSummary {
  readonly uid: string;
  readonly title: string;
  readonly legislature: string | null;
  readonly procedure: string | null;
  readonly amendments: number;
  readonly adopted: number;
  readonly lastStepDate: string | null;
}

/** Bills, the most recently active first. */
export async function listDossiers(db: Kysely<Database>): Promise<DossierSummary[]> {
  const dossiers = await db.selectFrom("dossiers").selectAll().execute();
  const amendmentCounts = await db
    .selectFrom("amendments")
    .select(["dossier_uid", "outcome", (eb) => eb.fn.countAll<number>().as("n")])
    .where("dossier_uid", "is not", null)
    .groupBy(["dossier_uid", "outcome"])
    .execute();
  const lastDates = await db
    .selectFrom("dossier_steps")
    .select(["dossier_uid", (eb) => eb.fn.max("date").as("last")])
    .groupBy("dossier_uid")
    .execute();
  const last = new Map(lastDates.map((r) => [r.dossier_uid, r.last as string | null]));
  return dossiers
    .map((d: DossierRow) => {
      const counts = amendmentCounts.filter((c) => c.dossier_uid === d.uid);
      return {
        uid: d.uid,
        title: d.title,
        legislature: d.legislature,
        procedure: d.procedure,
        amendments: counts.reduce((sum, c) => sum + Number(c.n), 0),
        adopted: counts.filter((c) => c.outcome === "adopte").reduce((sum, c) => sum + Number(c.n), 0),
        lastStepDate: last.get(d.uid) ?? null,
      };
    })
    .sort((a, b) => (b.lastStepDate ?? "").localeCompare(a.lastStepDate ?? "") || a.title.localeCompare(b.title, "fr"));
}

/** A bill with its steps, texts, amendment counts and latest events. */
export interface DossierDetail {
  readonly dossier: DossierRow;
  readonly steps: DossierStepRow[];
  readonly texts: Map<string, { number: string | null; title: string | null }>;
  readonly amendmentsByText: { text_uid: string | null; outcome: string; n: number }[];
  readonly events: EventRow[];
}

/** Everything the bill page shows, or null when the bill is unknown. */
export async function getDossier(db: Kysely<Database>, uid: string): Promise<DossierDetail | null> {
  const dossier = await db.selectFrom("dossiers").selectAll().where("uid", "=", uid).executeTakeFirst();
  if (!dossier) return null;
  const steps = await db.selectFrom("dossier_steps").selectAll().where("dossier_uid", "=", uid).orderBy("position").execute();
  const texts = await db.selectFrom("texts").select(["uid", "number", "title"]).where("dossier_uid", "=", uid).execute();
  const amendmentsByText = await db
    .selectFrom("amendments")
    .select(["text_uid", "outcome", (eb) => eb.fn.countAll<number>().as("n")])
    .where("dossier_uid", "=", uid)
    .groupBy(["text_uid", "outcome"])
    .execute();
  const events = await db.selectFrom("events").selectAll().where("dossier_uid", "=", uid).orderBy("id", "desc").limit(30).execute();
  return {
    dossier,
    steps,
    texts: new Map(texts.map((t) => [t.uid, { number: t.number, title: t.title }])),
    amendmentsByText: amendmentsByText.map((r) => ({ ...r, n: Number(r.n) })),
    events,
  };
}
