/**
 * Human decisions on themes: staff add or reject a theme on a provision, with a reason that the
 * page shows and that re-tagging keeps. Every decision goes to the audit log.
 */
import type { Hono } from "hono";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { audit } from "../../db/store/accounts.js";
import { decideTag } from "../../db/store/tags.js";
import { hasRole } from "../accounts/roles.js";
import { NotFoundPage } from "../../views/not-found.js";
import { provisionPath } from "../../views/format.js";
import { getProvision } from "./queries.js";
import type { SessionVariables } from "./session.js";
import { textOf } from "./text.js";
import { ErrorPage } from "../../views/error.js";

/** Registers `POST /dossiers/:uid/articles/:pid/themes`; `themes` are the known theme ids. */
export function themeDecisionRoutes(app: Hono<{ Variables: SessionVariables }>, db: Kysely<Database>, themes: ReadonlySet<string>): void {
  app.post("/dossiers/:uid/articles/:pid/themes", async (c) => {
    const user = c.get("visitor").user;
    if (!user) return c.text("Connectez-vous pour décider d'un thème.", 401);
    if (!hasRole(user.role, "staff")) return c.text("Seule l'équipe peut ajouter ou rejeter un thème.", 403);
    const detail = await getProvision(db, c.req.param("uid"), c.req.param("pid"));
    if (!detail) return c.html(<NotFoundPage what="Article introuvable." />, 404);
    const form = await c.req.parseBody();
    const theme = textOf(form["theme"]);
    const decision = form["decision"] === "rejected" ? "rejected" : form["decision"] === "added" ? "added" : null;
    const reason = textOf(form["raison"]).trim();
    const error = !themes.has(theme)
      ? "Thème inconnu."
      : !decision
        ? "Décision inconnue."
        : !reason || reason.length > 1000
          ? "Donnez une raison (1 000 caractères au plus)."
          : null;
    if (error || !decision) return c.html(<ErrorPage status={400} heading="Décision refusée" what={error ?? "Décision inconnue."} />, 400);
    await decideTag(db, { dossierUid: detail.dossier.uid, provisionId: detail.id, theme, decision, reason, author: user.displayName });
    await audit(db, {
      userId: user.id,
      action: "theme.decided",
      detail: { provision: `${detail.dossier.uid}/${detail.id}`, theme, decision },
      ip: null,
    });
    return c.redirect(`${provisionPath(detail.dossier.uid, detail.id)}#themes`, 303);
  });
}
