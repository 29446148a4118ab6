/**
 * Annotations: written on a provision (so they follow it through the navette), edited with
 * history, hidden rather than deleted; a public one is announced in the event log.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { nowIso } from "./common.js";
import { bumpDataVersion } from "./data-version.js";
import { eventOf } from "../../src/domain/events.js";
import type { Annotation } from "../../src/domain/annotation.js";

/** An annotation as pages show it (the domain's shape). */
export type AnnotationView = Annotation;

/** Creates an annotation; a public one gives an `annotation.published` event. Returns its id. */
export async function createAnnotation(
  db: Kysely<Database>,
  a: {
    dossierUid: string;
    provisionId: string;
    stepKey: string;
    alinea: number | null;
    quote: string | null;
    body: string;
    bodyHtml: string;
    authorId: number;
    visibility: "public" | "staff";
  },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await bumpDataVersion(trx);
    const now = nowIso();
    const row = await trx
      .insertInto("annotations")
      .values({
        dossier_uid: a.dossierUid,
        provision_id: a.provisionId,
        step_key: a.stepKey,
        alinea: a.alinea,
        quote: a.quote,
        body: a.body,
        body_html: a.bodyHtml,
        author_id: a.authorId,
        visibility: a.visibility,
        hidden: 0,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (a.visibility === "public") {
      const author = await trx.selectFrom("users").select("display_name").where("id", "=", a.authorId).executeTakeFirst();
      await trx
        .insertInto("events")
        .values({
          subject_type: "provision",
          subject_id: `${a.dossierUid}/${a.provisionId}`,
          dossier_uid: a.dossierUid,
          text_uid: null,
          article: null,
          ...eventOf("annotation.published", {
            annotation: Number(row.id),
            author: author?.display_name ?? "",
            extract: a.body.slice(0, 280),
          }),
          occurred_at: now,
          recorded_at: now,
          run_id: null,
        })
        .execute();
    }
    return Number(row.id);
  });
}

/** Changes the body of an annotation, keeping the previous one in its history. */
export async function editAnnotation(db: Kysely<Database>, id: number, body: string, bodyHtml: string, editorId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await bumpDataVersion(trx);
    const old = await trx.selectFrom("annotations").select("body").where("id", "=", id).executeTakeFirstOrThrow();
    await trx
      .insertInto("annotation_revisions")
      .values({ annotation_id: id, body: old.body, edited_by: editorId, edited_at: nowIso() })
      .execute();
    await trx.updateTable("annotations").set({ body, body_html: bodyHtml, updated_at: nowIso() }).where("id", "=", id).execute();
  });
}

/** Hides (soft-deletes) an annotation. */
export async function hideAnnotation(db: Kysely<Database>, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await bumpDataVersion(trx);
    await trx.updateTable("annotations").set({ hidden: 1, updated_at: nowIso() }).where("id", "=", id).execute();
  });
}

/** One annotation with its author, or undefined. */
export async function getAnnotation(db: Kysely<Database>, id: number) {
  return db.selectFrom("annotations").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Annotations of a provision, or of an author, with author names and revision counts. */
export async function listAnnotations(
  db: Kysely<Database>,
  where: { dossierUid: string; provisionId: string } | { authorId: number },
): Promise<AnnotationView[]> {
  let query = db
    .selectFrom("annotations")
    .innerJoin("users", "users.id", "annotations.author_id")
    .select([
      "annotations.id",
      "annotations.step_key",
      "annotations.alinea",
      "annotations.quote",
      "annotations.body",
      "annotations.body_html",
      "annotations.author_id",
      "users.display_name",
      "annotations.visibility",
      "annotations.hidden",
      "annotations.created_at",
      "annotations.updated_at",
      "annotations.dossier_uid",
      "annotations.provision_id",
    ])
    .orderBy("annotations.id");
  query =
    "authorId" in where
      ? query.where("annotations.author_id", "=", where.authorId)
      : query.where("annotations.dossier_uid", "=", where.dossierUid).where("annotations.provision_id", "=", where.provisionId);
  const rows = await query.execute();
  const ids = rows.map((r) => Number(r.id));
  const counts = ids.length
    ? await db
        .selectFrom("annotation_revisions")
        .select(["annotation_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("annotation_id", "in", ids)
        .groupBy("annotation_id")
        .execute()
    : [];
  const revisions = new Map(counts.map((c) => [Number(c.annotation_id), Number(c.n)]));
  return rows.map((r) => ({
    id: Number(r.id),
    stepKey: r.step_key,
    alinea: r.alinea === null ? null : Number(r.alinea),
    quote: r.quote,
    body: r.body,
    bodyHtml: r.body_html,
    authorId: Number(r.author_id),
    authorName: r.display_name,
    visibility: r.visibility,
    hidden: r.hidden === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    revisions: revisions.get(Number(r.id)) ?? 0,
    dossierUid: r.dossier_uid,
    provisionId: r.provision_id,
  }));
}
