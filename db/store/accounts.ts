/**
 * Users, sessions (stored server-side, hashed), invitations, login attempts and the audit log.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { nowIso } from "./common.js";

/** SHA-256 of a secret, hex: only hashes of tokens are stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new random token (256 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A signed-in user as pages see them. */
export interface SessionUser {
  readonly id: number;
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  readonly csrfToken: string;
}

/** How long a session lasts. */
export const SESSION_DAYS = 14;

/** Creates a user; the email is stored lower-case. */
export async function createUser(
  db: Kysely<Database>,
  user: { email: string; displayName: string; role: string; passwordHash: string },
): Promise<number> {
  const row = await db
    .insertInto("users")
    .values({
      email: user.email.trim().toLowerCase(),
      display_name: user.displayName.trim(),
      role: user.role,
      password_hash: user.passwordHash,
      disabled: 0,
      created_at: nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Opens a session for a user; returns the token to put in the cookie. */
export async function openSession(db: Kysely<Database>, userId: number, ip: string | null): Promise<string> {
  const token = newToken();
  const now = new Date();
  await db
    .insertInto("sessions")
    .values({
      id_hash: hashToken(token),
      user_id: userId,
      csrf_token: newToken(),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
      ip,
    })
    .execute();
  return token;
}

/** The user of a session token, when the session exists, has not expired, and the user is enabled. */
export async function sessionUser(db: Kysely<Database>, token: string | undefined): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.email", "users.display_name", "users.role", "users.disabled", "sessions.csrf_token", "sessions.expires_at"])
    .where("sessions.id_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row || row.disabled === 1 || row.expires_at < nowIso()) return null;
  return { id: Number(row.id), email: row.email, displayName: row.display_name, role: row.role, csrfToken: row.csrf_token };
}

/** Closes one session, or every session of a user. */
export async function closeSessions(db: Kysely<Database>, scope: { token: string } | { userId: number }): Promise<void> {
  if ("token" in scope) await db.deleteFrom("sessions").where("id_hash", "=", hashToken(scope.token)).execute();
  else await db.deleteFrom("sessions").where("user_id", "=", scope.userId).execute();
}

/** Appends to the audit log. */
export async function audit(
  db: Kysely<Database>,
  entry: { userId: number | null; action: string; detail?: Record<string, unknown>; ip: string | null },
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({ at: nowIso(), user_id: entry.userId, action: entry.action, detail: JSON.stringify(entry.detail ?? {}), ip: entry.ip })
    .execute();
}

/** Creates an invitation; returns the token (shown once, stored hashed). */
export async function createInvitation(db: Kysely<Database>, role: string, createdBy: number, days = 7): Promise<string> {
  const token = newToken();
  const now = new Date();
  await db
    .insertInto("invitations")
    .values({
      token_hash: hashToken(token),
      role,
      created_by: createdBy,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + days * 86_400_000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** The role an unused, unexpired invitation grants, or null. */
export async function invitationRole(db: Kysely<Database>, token: string): Promise<string | null> {
  if (token.length > 100) return null;
  const row = await db
    .selectFrom("invitations")
    .select(["role", "expires_at", "used_at"])
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  return row && row.used_at === null && row.expires_at >= nowIso() ? row.role : null;
}

/** Marks an invitation used; false when it was already used (two tabs, replay). */
export async function useInvitation(db: Kysely<Database>, token: string): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ used_at: nowIso() })
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
