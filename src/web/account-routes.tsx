/**
 * Account routes: sign in (rate limited per account and per address), sign out here or
 * everywhere, invitations, administration of accounts. Every change goes to the audit log.
 */
import type { Context, Hono } from "hono";
import { getCookie } from "hono/cookie";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import {
  audit,
  clearFailures,
  closeSessions,
  createInvitation,
  createUser,
  invitationRole,
  openSession,
  recentFailures,
  recordFailedLogin,
  useInvitation,
} from "../../db/store/accounts.js";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../accounts/password.js";
import { hasRole, isRole } from "../accounts/roles.js";
import { AdminUsersPage, InvitationPage, LoginPage } from "../../views/account.js";
import { NotFoundPage } from "../../views/not-found.js";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie, type SessionVariables } from "./session.js";

/** Failed logins allowed per address and per account in the window, before refusing. */
export const LOGIN_LIMITS = { perIp: 10, perAccount: 5, windowMinutes: 15 } as const;

function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "inconnue";
  } catch {
    return c.req.header("X-Forwarded-For")?.split(",")[0]?.trim() ?? "inconnue";
  }
}

/** Only local paths are followed after sign-in (no open redirect). */
function safeNext(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/";
}

/** Registers the account routes. */
export function accountRoutes(app: Hono<{ Variables: SessionVariables }>, db: Kysely<Database>): void {
  app.get("/connexion", (c) => c.html(<LoginPage csrf={c.get("visitor").csrfToken} next={safeNext(c.req.query("suite"))} />));

  app.post("/connexion", async (c) => {
    const body = await c.req.parseBody();
    const email = String(body["email"] ?? "")
      .trim()
      .toLowerCase()
      .slice(0, 200);
    const password = String(body["motdepasse"] ?? "");
    const ip = clientIp(c);
    const keys = [`ip:${ip}`, `account:${email}`];
    const csrf = c.get("visitor").csrfToken;
    if (
      (await recentFailures(db, keys[0]!, LOGIN_LIMITS.windowMinutes)) >= LOGIN_LIMITS.perIp ||
      (await recentFailures(db, keys[1]!, LOGIN_LIMITS.windowMinutes)) >= LOGIN_LIMITS.perAccount
    ) {
      await audit(db, { userId: null, action: "login.throttled", detail: { email }, ip });
      return c.html(
        <LoginPage csrf={csrf} email={email} error={`Trop de tentatives : réessayez dans ${LOGIN_LIMITS.windowMinutes} minutes.`} />,
        429,
      );
    }
    const user = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
    const valid = user && user.disabled === 0 ? await verifyPassword(password, user.password_hash) : false;
    if (!user || !valid) {
      await recordFailedLogin(db, keys);
      await audit(db, { userId: user ? Number(user.id) : null, action: "login.failed", detail: { email }, ip });
      // Slow every failure down a little more: brute force gets expensive.
      await new Promise((resolve) => setTimeout(resolve, 250));
      return c.html(<LoginPage csrf={csrf} email={email} error="Adresse ou mot de passe incorrect." />, 401);
    }
    // A new session id at each sign-in (no fixation); any session the browser had is closed.
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) await closeSessions(db, { token: previous });
    const token = await openSession(db, Number(user.id), ip);
    await clearFailures(db, keys[1]!);
    await audit(db, { userId: Number(user.id), action: "login", ip });
    setSessionCookie(c, token);
    return c.redirect(safeNext(body["suite"]), 303);
  });

  app.post("/deconnexion", async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const user = c.get("visitor").user;
    if (token) await closeSessions(db, { token });
    if (user) await audit(db, { userId: user.id, action: "logout", ip: clientIp(c) });
    clearSessionCookie(c);
    return c.redirect("/", 303);
  });

  app.post("/deconnexion-partout", async (c) => {
    const user = c.get("visitor").user;
    if (!user) return c.redirect("/connexion", 303);
    await closeSessions(db, { userId: user.id });
    await audit(db, { userId: user.id, action: "logout.everywhere", ip: clientIp(c) });
    clearSessionCookie(c);
    return c.redirect("/", 303);
  });

  const requireAdmin = (c: Context<{ Variables: SessionVariables }>) => {
    const user = c.get("visitor").user;
    if (!user) return c.redirect(`/connexion?suite=${encodeURIComponent(c.req.path)}`, 303);
    if (!hasRole(user.role, "admin")) return c.html(<NotFoundPage what="Cette page est réservée aux administrateurs." />, 403);
    return null;
  };

  app.get("/admin/utilisateurs", async (c) => {
    const refused = requireAdmin(c);
    if (refused) return refused;
    const users = await db
      .selectFrom("users")
      .select(["id", "email", "display_name", "role", "disabled"])
      .orderBy("display_name")
      .execute();
    return c.html(<AdminUsersPage csrf={c.get("visitor").csrfToken} users={users.map((u) => ({ ...u, id: Number(u.id) }))} />);
  });

  app.post("/admin/invitations", async (c) => {
    const refused = requireAdmin(c);
    if (refused) return refused;
    const body = await c.req.parseBody();
    const role = body["role"];
    if (!isRole(role)) return c.html(<NotFoundPage what="Rôle inconnu." />, 400);
    const admin = c.get("visitor").user!;
    const token = await createInvitation(db, role, admin.id);
    await audit(db, { userId: admin.id, action: "invitation.created", detail: { role }, ip: clientIp(c) });
    const users = await db
      .selectFrom("users")
      .select(["id", "email", "display_name", "role", "disabled"])
      .orderBy("display_name")
      .execute();
    const link = `${process.env["NAVETTE_PUBLIC_URL"]?.replace(/\/$/, "") ?? new URL(c.req.url).origin}/invitation/${token}`;
    return c.html(
      <AdminUsersPage csrf={c.get("visitor").csrfToken} users={users.map((u) => ({ ...u, id: Number(u.id) }))} invitationLink={link} />,
    );
  });

  // Change an account's role, or disable it (its sessions end at once). Admins cannot lock themselves out.
  app.post("/admin/utilisateurs/:id", async (c) => {
    const refused = requireAdmin(c);
    if (refused) return refused;
    const admin = c.get("visitor").user!;
    const id = Number(c.req.param("id"));
    const target = Number.isSafeInteger(id)
      ? await db.selectFrom("users").select(["id", "role", "disabled"]).where("id", "=", id).executeTakeFirst()
      : undefined;
    if (!target) return c.html(<NotFoundPage what="Compte introuvable." />, 404);
    const body = await c.req.parseBody();
    const role = body["role"];
    if (!isRole(role)) return c.html(<NotFoundPage heading="Modification refusée" what="Rôle inconnu." />, 400);
    const disabled = body["desactive"] === "1" ? 1 : 0;
    if (id === admin.id && (disabled === 1 || role !== "admin"))
      return c.html(
        <NotFoundPage
          heading="Modification refusée"
          what="Vous ne pouvez ni désactiver votre propre compte ni lui retirer le rôle d'administrateur."
        />,
        400,
      );
    await db.updateTable("users").set({ role, disabled }).where("id", "=", id).execute();
    if (disabled === 1) await closeSessions(db, { userId: id });
    await audit(db, {
      userId: admin.id,
      action: "user.updated",
      detail: { id, role, disabled: disabled === 1, before: { role: target.role, disabled: Number(target.disabled) === 1 } },
      ip: clientIp(c),
    });
    return c.redirect("/admin/utilisateurs", 303);
  });

  app.get("/invitation/:token", async (c) => {
    const role = await invitationRole(db, c.req.param("token"));
    if (!role) return c.html(<NotFoundPage what="Ce lien d'invitation n'est pas valable (expiré ou déjà utilisé)." />, 404);
    return c.html(<InvitationPage csrf={c.get("visitor").csrfToken} token={c.req.param("token")} role={role} />);
  });

  app.post("/invitation/:token", async (c) => {
    const token = c.req.param("token");
    const role = await invitationRole(db, token);
    if (!role) return c.html(<NotFoundPage what="Ce lien d'invitation n'est pas valable (expiré ou déjà utilisé)." />, 404);
    const body = await c.req.parseBody();
    const name = String(body["nom"] ?? "")
      .trim()
      .slice(0, 80);
    const email = String(body["email"] ?? "")
      .trim()
      .toLowerCase()
      .slice(0, 200);
    const password = String(body["motdepasse"] ?? "");
    const csrf = c.get("visitor").csrfToken;
    const error = !name
      ? "Le nom est obligatoire."
      : !/^[^\s@]+@[^\s@]+$/.test(email)
        ? "Adresse électronique invalide."
        : password.length < MIN_PASSWORD_LENGTH
          ? `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`
          : null;
    if (error) return c.html(<InvitationPage csrf={csrf} token={token} role={role} error={error} />, 400);
    if (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()) {
      return c.html(<InvitationPage csrf={csrf} token={token} role={role} error="Un compte existe déjà avec cette adresse." />, 400);
    }
    if (!(await useInvitation(db, token))) return c.html(<NotFoundPage what="Ce lien d'invitation vient d'être utilisé." />, 409);
    const userId = await createUser(db, { email, displayName: name, role, passwordHash: await hashPassword(password) });
    await audit(db, { userId, action: "user.created", detail: { role, via: "invitation" }, ip: clientIp(c) });
    const session = await openSession(db, userId, clientIp(c));
    setSessionCookie(c, session);
    return c.redirect("/", 303);
  });
}
