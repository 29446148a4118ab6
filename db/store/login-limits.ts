/**
 * Login attempts, counted per key over a window, reserved before the password is checked: N
 * guesses sent at once take N places, so a limit of 5 lets 5 through, never more. On PostgreSQL the
 * keys are locked (advisory, for the transaction) while they are counted; on SQLite the single
 * writer does the same.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { Dialect } from "../dialect.js";
import { hashToken, newToken } from "./accounts.js";
import { nowIso } from "./common.js";

/** A key and how many attempts it may have in the window. */
export interface LimitedKey {
  readonly key: string;
  readonly limit: number;
}

/** A reservation, or the key that refused it. */
export type Reservation = { readonly attempt: string } | { readonly refusedBy: string };

/**
 * Takes one place under every key, all or none: refused when one of them already has `limit`
 * attempts since the window began.
 */
export async function reserveAttempt(
  db: Kysely<Database>,
  dialect: Dialect,
  keys: readonly LimitedKey[],
  windowMinutes: number,
): Promise<Reservation> {
  const since = new Date(Date.now() - windowMinutes * 60_000).toISOString();
  const attempt = newToken();
  return db.transaction().execute(async (trx) => {
    if (dialect === "postgres") {
      for (const { key } of [...keys].sort((a, b) => a.key.localeCompare(b.key)))
        await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
    }
    for (const { key, limit } of keys) if ((await attemptsSince(trx, key, since)) >= limit) return { refusedBy: key };
    const at = nowIso();
    await trx
      .insertInto("login_attempts")
      .values(keys.map(({ key }) => ({ key, at, attempt })))
      .execute();
    return { attempt };
  });
}

/** Gives back the places of a reservation (the password was right), and forgets `clear` keys' failures. */
export async function releaseAttempt(db: Kysely<Database>, attempt: string, clear: readonly string[] = []): Promise<void> {
  await db.deleteFrom("login_attempts").where("attempt", "=", attempt).execute();
  if (clear.length) await db.deleteFrom("login_attempts").where("key", "in", clear).execute();
}

/** Failures of a key within the window (the invitation probe counts this way). */
export async function recentAttempts(db: Kysely<Database>, key: string, windowMinutes: number): Promise<number> {
  return attemptsSince(db, key, new Date(Date.now() - windowMinutes * 60_000).toISOString());
}

/** Attempts recorded under a key since an instant (inside a transaction or not). */
async function attemptsSince(db: Kysely<Database>, key: string, since: string): Promise<number> {
  const row = await db
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("key", "=", key)
    .where("at", ">=", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records one attempt under a key, outside any reservation. */
export async function recordAttempt(db: Kysely<Database>, key: string): Promise<void> {
  await db.insertInto("login_attempts").values({ key, at: nowIso(), attempt: null }).execute();
}

/** How long a device stays known after a sign-in there. */
export const KNOWN_DEVICE_DAYS = 90;

/**
 * Remembers a device where `email` just signed in: a known one (`token`, already checked) has its
 * date renewed, a new one gets a token. Returns the cookie's value.
 */
export async function rememberDevice(db: Kysely<Database>, email: string, token: string | null): Promise<string> {
  if (token) {
    await db.updateTable("known_devices").set({ created_at: nowIso() }).where("token_hash", "=", hashToken(token)).execute();
    return token;
  }
  const fresh = newToken();
  await db
    .insertInto("known_devices")
    .values({ token_hash: hashToken(fresh), email, created_at: nowIso() })
    .execute();
  return fresh;
}

/** True when the cookie names a device where `email` last signed in within KNOWN_DEVICE_DAYS. */
export async function isKnownDevice(db: Kysely<Database>, email: string, token: string | undefined): Promise<boolean> {
  if (!token || token.length > 100) return false;
  const since = new Date(Date.now() - KNOWN_DEVICE_DAYS * 86_400_000).toISOString();
  const row = await db
    .selectFrom("known_devices")
    .select("email")
    .where("token_hash", "=", hashToken(token))
    .where("created_at", ">=", since)
    .executeTakeFirst();
  return row?.email === email;
}

/** Deletes what has expired: sessions, attempts older than a day, devices without a sign-in for KNOWN_DEVICE_DAYS. */
export async function purgeExpired(db: Kysely<Database>): Promise<{ sessions: number; attempts: number; devices: number }> {
  const now = Date.now();
  const sessions = await db.deleteFrom("sessions").where("expires_at", "<", new Date(now).toISOString()).executeTakeFirst();
  const attempts = await db
    .deleteFrom("login_attempts")
    .where("at", "<", new Date(now - 86_400_000).toISOString())
    .executeTakeFirst();
  const devices = await db
    .deleteFrom("known_devices")
    .where("created_at", "<", new Date(now - KNOWN_DEVICE_DAYS * 86_400_000).toISOString())
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    attempts: Number(attempts.numDeletedRows),
    devices: Number(devices.numDeletedRows),
  };
}
