/**
 * Configuration from the environment, with defaults that work on a fresh clone.
 */
import path from "node:path";

/** Navette's settings. */
export interface Config {
  /** `postgres://…` or a SQLite file path. */
  readonly databaseUrl: string;
  /** Folder for the SQLite file and downloaded sources. */
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
}

/** Reads `DATABASE_URL`, `NAVETTE_DATA_DIR`, `PORT` and `HOST`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env["NAVETTE_DATA_DIR"] ?? "data");
  const port = Number(env["PORT"] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT invalide : « ${env["PORT"]} »`);
  return {
    databaseUrl: env["DATABASE_URL"] || path.join(dataDir, "navette.sqlite"),
    dataDir,
    port,
    host: env["HOST"] ?? "127.0.0.1",
  };
}
