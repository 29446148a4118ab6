/**
 * Opening the database: SQLite in WAL mode by default, PostgreSQL when `DATABASE_URL` says so.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.js";
import type { Dialect } from "./dialect.js";

/** An open database and what it runs on. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Human-readable location, without password. */
  readonly location: string;
  close(): Promise<void>;
}

/** Where the database is: a `postgres://` URL, or a SQLite file path (`sqlite:` prefix optional). */
export function describeDatabaseUrl(url: string): { dialect: Dialect; target: string } {
  if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: "postgres", target: url };
  return { dialect: "sqlite", target: url.replace(/^sqlite:(\/\/)?/i, "").replace(/^file:/i, "") };
}

/** Opens (and creates, for SQLite) the database at `url`; `poolMax`: PostgreSQL connections. */
export function openDatabase(url: string, options: { poolMax?: number } = {}): DatabaseHandle {
  const { dialect, target } = describeDatabaseUrl(url);
  if (dialect === "postgres") {
    // pg returns BIGINT/NUMERIC (COUNT(*)) as strings: parse them, the values we count fit a JS number.
    pg.types.setTypeParser(20, (value) => Number(value));
    const pool = new pg.Pool({ connectionString: target, max: options.poolMax ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect, location: target.replace(/:[^:@/]*@/, ":***@"), close: () => db.destroy() };
  }
  if (target !== ":memory:") mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const sqlite = new SQLite(target);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 10000");
  sqlite.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect, location: target, close: () => db.destroy() };
}
