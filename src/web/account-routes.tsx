/**
 * Account routes: sign in (rate limited per account and per address), sign out here or
 * everywhere, invitations, administration of accounts. Every change goes to the audit log.
 */
import type { Context, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { DatabaseHandle } from "../../db/connection.js";
import {
  audit,
  closeSessions,
  createInvitation,
  createUser,
  hashToken,
  invitationRole,
  openSession,
  useInvitation,
} from "../../db/store/accounts.js";
import {
  isKnownDevice,
  KNOWN_DEVICE_DAYS,
  recentAttempts,
  recordAttempt,
  rememberDevice,
  releaseAttempt,
  reserveAttempt,
  type LimitedKey,
} from "../../db/store/login-limits.js";
import type { WebConfig } from "../config.js";
import { hashPassword, verifyPassword } from "../accounts/password.js";
import { passwordProblem } from "../accounts/password-policy.js";
import { hasRole, isRole } from "../accounts/roles.js";
import { AdminUsersPage, InvitationPage, LoginPage } from "../../views/account.js";
import { NotFoundPage } from "../../views/not-found.js";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie, type SessionVariables } from "./session.js";
import { clientAddress, overHttps, siteOrigin } from "./security/client.js";
import { safeNext } from "./security/safe-next.js";
import { textOf } from "./text.js";
import { ErrorPage } from "../../views/error.js";

/**
 * Failed logins allowed in the window: per client address, per account from one address, and per
 * account from every address together — that last limit does not apply on a device where the
 * account signed in before, so that guesses by others cannot lock its owner out.
 */
export const LOGIN_LIMITS = { perAddress: 10, perAccountAndAddress: 5, perAccount: 30, windowMinutes: 15 } as const;

/** Tries of an invitation link with an address that already has an account, per hour. */
export const INVITATION_PROBES = 3;

/** Cookie naming a device where an account signed in before. */
export const DEVICE_COOKIE = "navette_appareil";

let dummy: Promise<string> | null = null;

/** A hash to check against when there is no account to check: unknown and known addresses take as long. */
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`absent-${Math.random()}`);
  return dummy;
}

/** Checks a sign-in; the attempt is reserved under its limits before the password is looked at. */
async function signIn(
  c: Context<{ Variables: SessionVariables }>,
  handle: DatabaseHandle,
  web: WebConfig,
  form: { email: string; password: string },
): Promise<{ userId: number; device: string | null } | { status: 401 | 429; error: string }> {
  const { db } = handle;
  const ip = clientAddress(c, web);
  const cookie = getCookie(c, DEVICE_COOKIE);
  const known = await isKnownDevice(db, form.email, cookie);
  const keys: LimitedKey[] = [
    { key: `ip:${ip}`, limit: LOGIN_LIMITS.perAddress },
    { key: `account-ip:${form.email}|${ip}`, limit: LOGIN_LIMITS.perAccountAndAddress },
    ...(known ? [] : [{ key: `account:${form.email}`, limit: LOGIN_LIMITS.perAccount }]),
  ];
  const reservation = await reserveAttempt(db, handle.dialect, keys, LOGIN_LIMITS.windowMinutes);
  if ("refusedBy" in reservation) {
    await audit(db, {
      userId: null,
      action: "login.throttled",
      detail: { email: form.email, key: reservation.refusedBy.split(":")[0] },
      ip,
    });
    return { status: 429, error: `Trop de tentatives : réessayez dans ${LOGIN_LIMITS.windowMinutes} minutes.` };
  }
  const user = await db.selectFrom("users").select(["id", "password_hash", "disabled"]).where("email", "=", form.email).executeTakeFirst();
  const usable = user !== undefined && Number(user.disabled) === 0;
  const valid = await verifyPassword(form.password, usable ? user.password_hash : await dummyHash());
  if (!usable || !valid) {
    await audit(db, { userId: user ? Number(user.id) : null, action: "login.failed", detail: { email: form.email }, ip });
    // Slow every failure down a little more: brute force gets expensive.
    await new Promise((resolve) => setTimeout(resolve, 250));
    return { status: 401, error: "Adresse ou mot de passe incorrect." };
  }
  await releaseAttempt(db, reservation.attempt, [`account-ip:${form.email}|${ip}`]);
  return { userId: Number(user.id), device: known ? (cookie ?? null) : null };
}

type Env = { Variables: SessionVariables };

/** Registers the account routes: signing in and out, administration, invitations. */
export function accountRoutes(app: Hono<Env>, handle: DatabaseHandle, web: WebConfig): void {
  signInRoutes(app, handle, web);
  adminRoutes(app, handle, web);
  invitationRoutes(app, handle, web);
}

/** GET and POST /connexion, POST /deconnexion and /deconnexion-partout. */
function signInRoutes(app: Hono<Env>, handle: DatabaseHandle, web: WebConfig): void {
  const { db } = handle;
  const clientIp = (c: Context) => clientAddress(c, web);
  app.get("/connexion", (c) => c.html(<LoginPage csrf={c.get("visitor").csrfToken} next={safeNext(c.req.query("suite"))} />));

  app.post("/connexion", async (c) => {
    const body = await c.req.parseBody();
    const email = textOf(body["email"]).trim().toLowerCase().slice(0, 200);
    const password = textOf(body["motdepasse"]).slice(0, 1024);
    const next = safeNext(body["suite"]);
    const csrf = c.get("visitor").csrfToken;
    const result = await signIn(c, handle, web, { email, password });
    if ("error" in result) return c.html(<LoginPage csrf={csrf} email={email} next={next} error={result.error} />, result.status);
    // A new session id at each sign-in (no fixation); any session the browser had is closed.
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) await closeSessions(db, { token: previous });
    const ip = clientIp(c);
    const token = await openSession(db, result.userId, ip);
    await audit(db, { userId: result.userId, action: "login", ip });
    setSessionCookie(c, token, web);
    // The device is known for KNOWN_DEVICE_DAYS after its last sign-in (a new one gets its cookie).
    const device = await rememberDevice(db, email, result.device);
    setCookie(c, DEVICE_COOKIE, device, {
      httpOnly: true,
      sameSite: "Lax",
      secure: overHttps(c, web),
      path: "/connexion",
      maxAge: KNOWN_DEVICE_DAYS * 86_400,
    });
    return c.redirect(next, 303);
  });

  app.post("/deconnexion", async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const user = c.get("visitor").user;
    if (token) await closeSessions(db, { token });
    if (user) await audit(db, { userId: user.id, action: "logout", ip: clientIp(c) });
    clearSessionCookie(c, web);
    return c.redirect("/", 303);
  });

  app.post("/deconnexion-partout", async (c) => {
    const user = c.get("visitor").user;
    if (!user) return c.redirect("/connexion", 303);
    await closeSessions(db, { userId: user.id });
    await audit(db, { userId: user.id, action: "logout.everywhere", ip: clientIp(c) });
    clearSessionCookie(c, web);
    return c.redirect("/", 303);
  });
}

/** /admin/…: the accounts, invitations, roles; for administrators only (a middleware checks it). */
function adminRoutes(app: Hono<Env>, handle: DatabaseHandle, web: WebConfig): void {
  const { db } = handle;
  const clientIp = (c: Context) => clientAddress(c, web);
  app.use("/admin/*", async (c, next) => {
    const user = c.get("visitor").user;
    if (!user) return c.redirect(`/connexion?suite=${encodeURIComponent(c.req.path)}`, 303);
    if (!hasRole(user.role, "admin")) return c.html(<ErrorPage status={403} what="Cette page est réservée aux administrateurs." />, 403);
    await next();
  });

  app.get("/admin/utilisateurs", async (c) => {
    const users = await db
      .selectFrom("users")
      .select(["id", "email", "display_name", "role", "disabled"])
      .orderBy("display_name")
      .execute();
    return c.html(<AdminUsersPage csrf={c.get("visitor").csrfToken} users={users.map((u) => ({ ...u, id: Number(u.id) }))} />);
  });

  app.post("/admin/invitations", async (c) => {
    const body = await c.req.parseBody();
    const role = body["role"];
    if (!isRole(role)) return c.html(<ErrorPage status={400} what="Rôle inconnu." />, 400);
    const admin = c.get("visitor").user!;
    const token = await createInvitation(db, role, admin.id);
    await audit(db, { userId: admin.id, action: "invitation.created", detail: { role }, ip: clientIp(c) });
    const users = await db
      .selectFrom("users")
      .select(["id", "email", "display_name", "role", "disabled"])
      .orderBy("display_name")
      .execute();
    const link = `${siteOrigin(c, web)}/invitation/${token}`;
    return c.html(
      <AdminUsersPage csrf={c.get("visitor").csrfToken} users={users.map((u) => ({ ...u, id: Number(u.id) }))} invitationLink={link} />,
    );
  });

  // Change an account's role, or disable it (its sessions end at once). Admins cannot lock themselves out.
  app.post("/admin/utilisateurs/:id", async (c) => {
    const admin = c.get("visitor").user!;
    const id = Number(c.req.param("id"));
    const target = Number.isSafeInteger(id)
      ? await db.selectFrom("users").select(["id", "role", "disabled"]).where("id", "=", id).executeTakeFirst()
      : undefined;
    if (!target) return c.html(<NotFoundPage what="Compte introuvable." />, 404);
    const body = await c.req.parseBody();
    const role = body["role"];
    if (!isRole(role)) return c.html(<ErrorPage status={400} heading="Modification refusée" what="Rôle inconnu." />, 400);
    const disabled = body["desactive"] === "1" ? 1 : 0;
    if (id === admin.id && (disabled === 1 || role !== "admin"))
      return c.html(
        <ErrorPage
          status={400}
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
}

/** GET and POST /invitation/:token: an invited person creates their account. */
function invitationRoutes(app: Hono<Env>, handle: DatabaseHandle, web: WebConfig): void {
  const { db } = handle;
  const clientIp = (c: Context) => clientAddress(c, web);
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
    const name = textOf(body["nom"]).trim().slice(0, 80);
    const email = textOf(body["email"]).trim().toLowerCase().slice(0, 200);
    const password = textOf(body["motdepasse"]);
    const csrf = c.get("visitor").csrfToken;
    const error = !name
      ? "Le nom est obligatoire."
      : !/^[^\s@]+@[^\s@]+$/.test(email)
        ? "Adresse électronique invalide."
        : passwordProblem(password, [name, email]);
    if (error) return c.html(<InvitationPage csrf={csrf} token={token} role={role} error={error} name={name} email={email} />, 400);
    // Whether an address has an account can be asked of a link only a few times.
    const probes = `invitation:${hashToken(token)}`;
    if ((await recentAttempts(db, probes, 60)) >= INVITATION_PROBES)
      return c.html(
        <InvitationPage csrf={csrf} token={token} role={role} error="Trop d'essais avec ce lien : demandez une nouvelle invitation." />,
        429,
      );
    if (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()) {
      await recordAttempt(db, probes);
      return c.html(
        <InvitationPage csrf={csrf} token={token} role={role} error="Un compte existe déjà avec cette adresse." name={name} />,
        400,
      );
    }
    if (!(await useInvitation(db, token))) return c.html(<ErrorPage status={409} what="Ce lien d'invitation vient d'être utilisé." />, 409);
    const userId = await createUser(db, { email, displayName: name, role, passwordHash: await hashPassword(password) });
    await audit(db, { userId, action: "user.created", detail: { role, via: "invitation" }, ip: clientIp(c) });
    const session = await openSession(db, userId, clientIp(c));
    setSessionCookie(c, session, web);
    return c.redirect("/", 303);
  });
}
