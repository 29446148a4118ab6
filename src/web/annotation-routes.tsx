/**
 * Annotation routes: volunteers (and above) annotate a provision; an author edits or hides their
 * own annotations, staff any; staff-only annotations are shown to staff and their author; a
 * volunteer's page lists what they wrote. Answers are the panel (htmx) or a redirect (plain forms).
 */
import type { Context, Hono } from "hono";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { audit } from "../../db/store/accounts.js";
import {
  createAnnotation,
  editAnnotation,
  getAnnotation,
  hideAnnotation,
  listAnnotations,
  type AnnotationView,
} from "../../db/store/annotations.js";
import { hasRole } from "../accounts/roles.js";
import { renderMarkdown } from "../accounts/markdown.js";
import { anchorAnnotation, anchorQuote } from "../domain/annotation-anchor.js";
import { diffArticles } from "../domain/navette/diff.js";
import { AnnotationsPanel, type AnnotationItem } from "../../views/partials/annotations.js";
import { VolunteerPage } from "../../views/volunteer.js";
import { NotFoundPage } from "../../views/not-found.js";
import { provisionPath, stepLabel } from "../../views/format.js";
import { getProvision, type ProvisionDetail } from "./queries.js";
import type { SessionVariables, Visitor } from "./session.js";
import { textOf } from "./text.js";
import { stepToShow } from "../domain/navette/step-to-show.js";

/** Longest annotation body and quote accepted. */
export const ANNOTATION_LIMITS = { body: 20_000, quote: 2_000 } as const;

/**
 * Why an annotation was refused, by the code the article page receives (`?annotation=vide`) when
 * the form was sent without htmx: the page shows the form again with the message.
 */
const ANNOTATION_ERRORS = {
  vide: "L'annotation est vide : écrivez votre analyse avant de publier.",
  longue: `L'annotation dépasse ${ANNOTATION_LIMITS.body} caractères.`,
  citation: `Le passage cité dépasse ${ANNOTATION_LIMITS.quote} caractères.`,
  "sans-version": "Cet article n'a aucune version à annoter.",
} as const;

/** Why an annotation was refused (its code in the address). */
export type AnnotationRefusal = keyof typeof ANNOTATION_ERRORS;

/** The message of a refusal code from the address, or undefined (unknown codes are ignored). */
export const annotationError = (code: string | undefined): string | undefined =>
  code !== undefined && Object.hasOwn(ANNOTATION_ERRORS, code) ? ANNOTATION_ERRORS[code as AnnotationRefusal] : undefined;

/** Which annotations a visitor sees: public ones; staff-only ones for staff and their author; hidden ones for staff. */
export function visibleTo(visitor: Visitor, a: AnnotationView): boolean {
  const staff = hasRole(visitor.user?.role, "staff");
  if (a.hidden) return staff;
  return a.visibility === "public" || staff || visitor.user?.id === a.authorId;
}

/** Whether a visitor may edit or hide an annotation. */
export function mayEdit(visitor: Visitor, a: { authorId: number }): boolean {
  const user = visitor.user;
  return !!user && (user.id === a.authorId ? hasRole(user.role, "volunteer") : hasRole(user.role, "staff"));
}

/** Panel items of a provision for the visitor, anchored in the version shown. */
export async function annotationItems(
  db: Kysely<Database>,
  detail: ProvisionDetail,
  visitor: Visitor,
  shownStep: string,
): Promise<AnnotationItem[]> {
  const shown = stepToShow(detail.steps, shownStep);
  const annotations = await listAnnotations(db, { dossierUid: detail.dossier.uid, provisionId: detail.id });
  return annotations
    .filter((a) => visibleTo(visitor, a))
    .map((a) => {
      const written = detail.steps.find((s) => s.stepKey === a.stepKey);
      const anchor = anchorAnnotation(a, written?.alineas ?? [], shown?.alineas ?? [], shown?.stepKey ?? "");
      return {
        annotation: a,
        anchor,
        writtenOnLabel: written ? stepLabel(written) : a.stepKey,
        diffSince: anchor.kind === "changed" && written && shown ? diffArticles(written.alineas, shown.alineas) : null,
        canEdit: mayEdit(visitor, a),
      };
    });
}

type Env = { Variables: SessionVariables };

/** Registers the annotation routes: writing, editing and hiding annotations, and a volunteer's page. */
export function annotationRoutes(app: Hono<Env>, db: Kysely<Database>): void {
  app.post("/dossiers/:uid/articles/:pid/annotations", async (c) => {
    const who = signedInUser(c);
    if ("refusal" in who) return who.refusal;
    const detail = await getProvision(db, c.req.param("uid"), c.req.param("pid"));
    if (!detail) return c.html(<NotFoundPage what="Article introuvable." />, 404);
    const form = await c.req.parseBody();
    const body = textOf(form["corps"]).trim();
    const quote = textOf(form["citation"]).trim() || null;
    const step = stepToShow(detail.steps, typeof form["etape"] === "string" ? form["etape"] : null);
    const visibility = form["visibilite"] === "staff" ? "staff" : "public";
    const refusal: AnnotationRefusal | null = !body
      ? "vide"
      : body.length > ANNOTATION_LIMITS.body
        ? "longue"
        : quote && quote.length > ANNOTATION_LIMITS.quote
          ? "citation"
          : !step
            ? "sans-version"
            : null;
    if (refusal || !step)
      return respond(db, c, { dossierUid: detail.dossier.uid, provisionId: detail.id, loaded: detail }, 400, refusal ?? "sans-version");
    // The alinéa holding the quoted passage, else the one chosen if that version has it.
    const chosen = Number(form["alinea"]);
    const alinea =
      (quote ? anchorQuote(quote, step.alineas) : undefined) ?? (step.alineas.some((a) => a.number === chosen) ? chosen : null);
    const id = await createAnnotation(db, {
      dossierUid: detail.dossier.uid,
      provisionId: detail.id,
      stepKey: step.stepKey,
      alinea,
      quote,
      body,
      bodyHtml: renderMarkdown(body),
      authorId: who.user.id,
      visibility,
    });
    await audit(db, {
      userId: who.user.id,
      action: "annotation.created",
      detail: { id, provision: `${detail.dossier.uid}/${detail.id}`, visibility },
      ip: null,
    });
    return respond(db, c, { dossierUid: detail.dossier.uid, provisionId: detail.id, loaded: detail });
  });

  app.post("/annotations/:id/modifier", async (c) => {
    const found = await editable(db, c);
    if ("refusal" in found) return found.refusal;
    const form = await c.req.parseBody();
    const body = textOf(form["corps"]).trim();
    if (!body || body.length > ANNOTATION_LIMITS.body)
      return respond(db, c, { dossierUid: found.row.dossier_uid, provisionId: found.row.provision_id }, 400, body ? "longue" : "vide");
    await editAnnotation(db, found.id, body, renderMarkdown(body), found.user.id);
    await audit(db, { userId: found.user.id, action: "annotation.edited", detail: { id: found.id }, ip: null });
    return respond(db, c, { dossierUid: found.row.dossier_uid, provisionId: found.row.provision_id });
  });

  app.post("/annotations/:id/masquer", async (c) => {
    const found = await editable(db, c);
    if ("refusal" in found) return found.refusal;
    await hideAnnotation(db, found.id);
    await audit(db, { userId: found.user.id, action: "annotation.hidden", detail: { id: found.id }, ip: null });
    return respond(db, c, { dossierUid: found.row.dossier_uid, provisionId: found.row.provision_id });
  });

  volunteerRoute(app, db);
}

/**
 * Answers with the refreshed panel (htmx), anchored in the version the page shows (`montrer`),
 * or sends the browser back to the page.
 */
/** GET /benevoles/:id: a volunteer's annotations, those the visitor may see; none, no page. */
function volunteerRoute(app: Hono<Env>, db: Kysely<Database>): void {
  app.get("/benevoles/:id", async (c) => {
    const id = Number(c.req.param("id"));
    const user = Number.isSafeInteger(id)
      ? await db.selectFrom("users").select(["id", "display_name", "role"]).where("id", "=", id).executeTakeFirst()
      : undefined;
    const visitor = c.get("visitor");
    const annotations = user ? (await listAnnotations(db, { authorId: id })).filter((a) => visibleTo(visitor, a) && !a.hidden) : [];
    // A page exists only for someone who published what this visitor may read: the same answer for
    // an account that published nothing (an admin, a new volunteer) as for no account, so that
    // nobody can list the accounts' names by trying numbers.
    if (!user || annotations.length === 0) return c.html(<NotFoundPage what="Aucune annotation publiée par cette personne." />, 404);
    const titles = new Map(
      (
        await db
          .selectFrom("dossiers")
          .select(["uid", "title"])
          .where("uid", "in", [...new Set(annotations.map((a) => a.dossierUid)), ""])
          .execute()
      ).map((d) => [d.uid, d.title]),
    );
    return c.html(
      <VolunteerPage
        name={user.display_name}
        annotations={annotations.map((a) => ({ ...a, dossierTitle: titles.get(a.dossierUid) ?? a.dossierUid }))}
      />,
    );
  });
}

async function respond(
  db: Kysely<Database>,
  c: Context<Env>,
  target: { dossierUid: string; provisionId: string; loaded?: ProvisionDetail },
  status: 200 | 400 = 200,
  refusal?: AnnotationRefusal,
): Promise<Response> {
  const { dossierUid, provisionId } = target;
  const form = await c.req.parseBody();
  const step = typeof form["montrer"] === "string" && form["montrer"] ? form["montrer"] : null;
  const path = provisionPath(dossierUid, provisionId);
  if (c.req.header("HX-Request") !== "true") {
    const query = new URLSearchParams({ ...(step ? { montrer: step } : {}), ...(refusal ? { annotation: refusal } : {}) }).toString();
    return c.redirect(`${path}${query ? `?${query}` : ""}#annotations`, 303);
  }
  // The route that already loaded the provision passes it: it is not read twice.
  const detail = target.loaded ?? (await getProvision(db, dossierUid, provisionId));
  if (!detail) return c.html(<NotFoundPage what="Article introuvable." />, 404);
  const visitor = c.get("visitor");
  const shown = stepToShow(detail.steps, step)?.stepKey ?? "";
  return c.html(
    <AnnotationsPanel
      action={`${path}/annotations`}
      items={await annotationItems(db, detail, visitor, shown)}
      signedIn={!!visitor.user}
      csrf={visitor.csrfToken}
      steps={detail.steps.map((s) => ({ key: s.stepKey, label: stepLabel(s) }))}
      currentStep={shown}
      error={refusal ? ANNOTATION_ERRORS[refusal] : undefined}
      draft={refusal ? { body: textOf(form["corps"]), quote: textOf(form["citation"]), alinea: textOf(form["alinea"]) } : undefined}
    />,
    status,
  );
}

/** The signed-in user who may annotate, or the answer refusing the request. */
function signedInUser(c: Context<Env>) {
  const user = c.get("visitor").user;
  if (!user) return { refusal: c.text("Connectez-vous pour annoter.", 401) } as const;
  if (!hasRole(user.role, "volunteer")) return { refusal: c.text("Votre compte ne peut pas annoter.", 403) } as const;
  return { user } as const;
}

/** Loads the annotation and checks the visitor may change it. */
async function editable(db: Kysely<Database>, c: Context<Env>) {
  const who = signedInUser(c);
  if ("refusal" in who) return { refusal: who.refusal } as const;
  const id = Number(c.req.param("id"));
  const row = Number.isSafeInteger(id) ? await getAnnotation(db, id) : undefined;
  if (!row) return { refusal: c.html(<NotFoundPage what="Annotation introuvable." />, 404) } as const;
  if (!mayEdit(c.get("visitor"), { authorId: Number(row.author_id) }))
    return { refusal: c.text("Seuls l'auteur et l'équipe peuvent modifier cette annotation.", 403) } as const;
  return { row, user: who.user, id } as const;
}
