/**
 * Configuration: every environment variable Navette reads is read here, once, with defaults that
 * work on a fresh clone. The README's "Production" section lists them.
 */
import path from "node:path";
import { projectRoot } from "./project-root.js";

/** What the web server needs to know about how it is reached. */
export interface WebConfig {
  /**
   * The address people use (`NAVETTE_PUBLIC_URL`, e.g. `https://navette.example.org`): the only
   * origin accepted on forms, and the base of links in feeds and invitations. Null: the request's
   * own origin, for local use.
   */
  readonly publicUrl: URL | null;
  /**
   * How many reverse proxies stand in front (`NAVETTE_TRUST_PROXY`, 0 by default): the client's
   * address is then read from `X-Forwarded-For`, that many entries from its end. With 0,
   * `X-Forwarded-*` headers are ignored, as anybody can send them.
   */
  readonly trustProxy: number;
  /** Cookies marked Secure (`NAVETTE_SECURE_COOKIES=1`, or a public address in https). */
  readonly secureCookies: boolean;
  /** The tagging rules file (`NAVETTE_RULES`, rules/surveillance.yaml by default). */
  readonly rulesFile: string;
}

/** Where `navette sync` fetches a followed bill's files; defaults are the real public addresses. */
export interface SourceAddresses {
  /** The Assemblée's site (`NAVETTE_SOURCE_AN`): texts at /dyn/opendata/<uid>.html. */
  readonly an: string;
  /** The Sénat's site (`NAVETTE_SOURCE_SENAT`): dossier pages, feeds, texts, jeux complets, dérouleurs. */
  readonly senat: string;
  /** The legislature's dossiers dump (`NAVETTE_AN_DOSSIERS`). */
  readonly anDossiers: string;
  /** The legislature's amendments dump (`NAVETTE_AN_AMENDEMENTS`). */
  readonly anAmendments: string;
  /** The Conseil constitutionnel's site (`NAVETTE_SOURCE_CC`): decisions at /decision/<year>/<year><number>DC.htm. */
  readonly conseilConstitutionnel: string;
  /** Légifrance (`NAVETTE_SOURCE_LEGIFRANCE`): the promulgated law at the address the dossier gives. */
  readonly legifrance: string;
}

/** Navette's settings. */
export interface Config extends WebConfig {
  readonly sources: SourceAddresses;
  /** `postgres://…` (`DATABASE_URL`) or a SQLite file path. */
  readonly databaseUrl: string;
  /** Folder for the SQLite file and downloaded sources (`NAVETTE_DATA_DIR`, ./data). */
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  /** Connections in the PostgreSQL pool of one process (`PGPOOL_MAX`, 10). */
  readonly pgPoolMax: number;
  /** Password for `navette utilisateur ajouter` when it cannot be typed (`NAVETTE_PASSWORD`). */
  readonly password: string | null;
}

/** A setting that cannot be used, said with the variable and what it accepts. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new ConfigError(`${name} invalide : « ${raw} » (entier de 0 à ${max})`);
  return value;
}

function publicUrl(raw: string | undefined): URL | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`NAVETTE_PUBLIC_URL invalide : « ${raw} » (adresse complète attendue, ex. https://navette.example.org)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new ConfigError(`NAVETTE_PUBLIC_URL invalide : « ${raw} » (http:// ou https:// attendu)`);
  return url;
}

/** Reads the configuration; a wrong value is a ConfigError that names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env["NAVETTE_DATA_DIR"] ?? "data");
  const url = publicUrl(env["NAVETTE_PUBLIC_URL"]);
  return {
    databaseUrl: env["DATABASE_URL"] || path.join(dataDir, "navette.sqlite"),
    dataDir,
    port: integer(env, "PORT", 3000, 65535),
    host: env["HOST"] || "127.0.0.1",
    publicUrl: url,
    trustProxy: integer(env, "NAVETTE_TRUST_PROXY", 0, 10),
    secureCookies: env["NAVETTE_SECURE_COOKIES"] === "1" || url?.protocol === "https:",
    rulesFile: env["NAVETTE_RULES"] ? path.resolve(env["NAVETTE_RULES"]) : path.join(projectRoot(), "rules", "surveillance.yaml"),
    pgPoolMax: integer(env, "PGPOOL_MAX", 10, 1000),
    password: env["NAVETTE_PASSWORD"] || null,
    sources: sourceAddresses(env),
  };
}

const AN_OPEN_DATA = "https://data.assemblee-nationale.fr/static/openData/repository/17/loi";

function address(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (!raw) return fallback;
  try {
    const url = new URL(raw);
    if (url.protocol === "http:" || url.protocol === "https:") return raw.replace(/\/+$/, "");
  } catch {
    // said below
  }
  throw new ConfigError(`${name} invalide : « ${raw} » (adresse http:// ou https:// attendue)`);
}

/** The source addresses, from the environment or the real public ones. */
export function sourceAddresses(env: NodeJS.ProcessEnv = process.env): SourceAddresses {
  return {
    an: address(env, "NAVETTE_SOURCE_AN", "https://www.assemblee-nationale.fr"),
    senat: address(env, "NAVETTE_SOURCE_SENAT", "https://www.senat.fr"),
    anDossiers: address(env, "NAVETTE_AN_DOSSIERS", `${AN_OPEN_DATA}/dossiers_legislatifs/Dossiers_Legislatifs.json.zip`),
    anAmendments: address(env, "NAVETTE_AN_AMENDEMENTS", `${AN_OPEN_DATA}/amendements_div_legis/Amendements.json.zip`),
    conseilConstitutionnel: address(env, "NAVETTE_SOURCE_CC", "https://www.conseil-constitutionnel.fr"),
    legifrance: address(env, "NAVETTE_SOURCE_LEGIFRANCE", "https://www.legifrance.gouv.fr"),
  };
}

/** The web part of the configuration, for a server or a test app. */
export function webConfig(overrides: Partial<WebConfig> = {}, env: NodeJS.ProcessEnv = process.env): WebConfig {
  const { publicUrl, trustProxy, secureCookies, rulesFile } = loadConfig(env);
  return { publicUrl, trustProxy, secureCookies, rulesFile, ...overrides };
}
