/**
 * Who is asking, and protection of state-changing requests: the session cookie (server-side
 * session, HttpOnly, SameSite=Lax, Secure over HTTPS), the CSRF token every POST must carry (form
 * field `_csrf` or header `X-CSRF-Token`, which htmx sends), and a same-origin check.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import { tryGetContext } from "hono/context-storage";
import { timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { newToken, SESSION_DAYS, sessionUser, type SessionUser } from "../../db/store/accounts.js";

export const SESSION_COOKIE = "navette_session";
export const CSRF_COOKIE = "navette_csrf";

/** What a request carries about its author. */
export interface Visitor {
  readonly user: SessionUser | null;
  /** Token to put in forms and htmx headers. */
  readonly csrfToken: string;
}

/** Variables set on the Hono context. */
export type SessionVariables = { visitor: Visitor };

/** The visitor of the request being rendered (views read it to show the account menu). */
export function currentVisitor(): Visitor | null {
  const context = tryGetContext<{ Variables: SessionVariables }>();
  return context?.get("visitor") ?? null;
}

function secure(c: Context): boolean {
  return process.env["NAVETTE_SECURE_COOKIES"] === "1" || new URL(c.req.url).protocol === "https:";
}

/** Sets the session cookie. */
export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: "Lax", secure: secure(c), path: "/", maxAge: SESSION_DAYS * 86_400 });
}

/** Removes the session cookie. */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: secure(c) });
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Reads the session, provides a CSRF token, and refuses unsafe requests without a valid one. */
export function sessionMiddleware(db: Kysely<Database>): MiddlewareHandler<{ Variables: SessionVariables }> {
  return async (c, next) => {
    const user = await sessionUser(db, getCookie(c, SESSION_COOKIE));
    let anonymousToken = getCookie(c, CSRF_COOKIE);
    if (!user && (!anonymousToken || anonymousToken.length > 100)) {
      anonymousToken = newToken();
      setCookie(c, CSRF_COOKIE, anonymousToken, { httpOnly: true, sameSite: "Strict", secure: secure(c), path: "/" });
    }
    const csrfToken = user?.csrfToken ?? anonymousToken ?? "";
    c.set("visitor", { user, csrfToken });
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header("Origin");
      if (origin && origin !== new URL(c.req.url).origin) return c.text("Requête refusée : origine différente.", 403);
      let sent = c.req.header("X-CSRF-Token") ?? "";
      if (!sent && /form/.test(c.req.header("Content-Type") ?? "")) {
        const body = await c.req.parseBody();
        sent = typeof body["_csrf"] === "string" ? body["_csrf"] : "";
      }
      if (!csrfToken || !sent || !equal(sent, csrfToken))
        return c.text("Requête refusée : jeton anti-CSRF absent ou invalide. Rechargez la page et recommencez.", 403);
    }
    await next();
  };
}
