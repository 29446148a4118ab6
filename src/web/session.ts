/**
 * Who is asking, and protection of state-changing requests: the session cookie (server-side
 * session, HttpOnly, SameSite=Lax, Secure over HTTPS), a same-origin check against the site's
 * public origin, and the CSRF token every POST must carry (header `X-CSRF-Token`, which htmx
 * sends, or form field `_csrf`). The Origin and the header are checked before any body is read;
 * a form is only read (within the body limit) when the visitor has a token it could match.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import { timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { newToken, SESSION_DAYS, sessionUser, type SessionUser } from "../../db/store/accounts.js";
import type { WebConfig } from "../config.js";
import { overHttps, siteOrigin } from "./security/client.js";

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

/** Sets the session cookie. */
export function setSessionCookie(c: Context, token: string, web: WebConfig): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: overHttps(c, web),
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(c: Context, web: WebConfig): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: overHttps(c, web) });
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Reads the session, provides a CSRF token, and refuses unsafe requests without a valid one. */
export function sessionMiddleware(
  db: Kysely<Database>,
  web: WebConfig,
  exempt: (path: string) => boolean = () => false,
): MiddlewareHandler<{ Variables: SessionVariables }> {
  return async (c, next) => {
    if (exempt(c.req.path)) return next();
    const user = await sessionUser(db, getCookie(c, SESSION_COOKIE));
    const cookieToken = getCookie(c, CSRF_COOKIE);
    const hadToken = user !== null || (cookieToken !== undefined && cookieToken.length <= 100);
    let anonymousToken = cookieToken;
    if (!hadToken) {
      anonymousToken = newToken();
      setCookie(c, CSRF_COOKIE, anonymousToken, { httpOnly: true, sameSite: "Strict", secure: overHttps(c, web), path: "/" });
    }
    const csrfToken = user?.csrfToken ?? anonymousToken ?? "";
    c.set("visitor", { user, csrfToken });
    if (UNSAFE.has(c.req.method)) {
      const refused = await csrfRefusal(c, web, hadToken ? csrfToken : "");
      if (refused) return c.text(refused, 403);
    }
    await next();
  };
}

/** Why an unsafe request is refused, or null: other origin, or no token matching `expected`. */
async function csrfRefusal(c: Context, web: WebConfig, expected: string): Promise<string | null> {
  const origin = c.req.header("Origin");
  if (origin && origin !== siteOrigin(c, web)) return "Requête refusée : origine différente.";
  const invalid = "Requête refusée : jeton anti-CSRF absent ou invalide. Rechargez la page et recommencez.";
  // A visitor with no token yet cannot send a matching one: the body is not read.
  if (!expected) return invalid;
  let sent = c.req.header("X-CSRF-Token") ?? "";
  if (!sent && /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header("Content-Type") ?? "")) {
    const body = await c.req.parseBody();
    sent = typeof body["_csrf"] === "string" ? body["_csrf"] : "";
  }
  return sent && equal(sent, expected) ? null : invalid;
}
