/**
 * Downloading a source over HTTP(S) into a local cache: conditional GET (ETag, Last-Modified),
 * idle timeout, retries with exponential backoff on network errors and 5xx/429 answers, and an
 * atomic rename so that a partial download never reaches a parser.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

/** Settings of a download. */
export interface DownloadOptions {
  /** Folder of cached downloads. */
  readonly cacheDir: string;
  /** Attempts after the first one. Default 3. */
  readonly retries?: number;
  /** First backoff delay in ms, doubled at each retry. Default 1000. */
  readonly backoffMs?: number;
  /** Time without receiving anything (headers or body) before giving up on an attempt, in ms. Default 30000. */
  readonly idleTimeoutMs?: number;
  /** Called with human-readable progress messages (retries, 304). */
  readonly log?: (message: string) => void;
}

/** Result of {@link downloadToCache}. */
export interface DownloadResult {
  /** Local file holding the complete document. */
  readonly file: string;
  /** True when the server answered 304 and the cached copy was used. */
  readonly notModified: boolean;
  readonly bytes: number;
}

/** A download that failed for good, with the reason in French. */
export class DownloadError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = "DownloadError";
  }
}

interface CacheMeta {
  url: string;
  etag: string | null;
  lastModified: string | null;
  bytes: number;
  fetchedAt: string;
}

class RetryableError extends Error {}

/** Downloads `url` into the cache folder (or confirms the cached copy is current). */
export async function downloadToCache(url: string, options: DownloadOptions): Promise<DownloadResult> {
  const retries = options.retries ?? 3;
  const backoff = options.backoffMs ?? 1000;
  const log = options.log ?? (() => {});
  await mkdir(options.cacheDir, { recursive: true });
  const key = createHash("sha256").update(url).digest("hex").slice(0, 24);
  const extension = (/\.([a-z0-9]{2,5})(?:[?#]|$)/i.exec(new URL(url).pathname)?.[1] ?? "bin").toLowerCase();
  const file = path.join(options.cacheDir, `${key}.${extension}`);
  const metaFile = path.join(options.cacheDir, `${key}.meta.json`);
  const meta = await readMeta(metaFile, file);

  let lastError: Error | null = null;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) {
      const delay = backoff * 2 ** (attempt - 1);
      log(`nouvel essai ${attempt}/${retries} dans ${delay} ms (${lastError?.message ?? ""})`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    try {
      return await attemptDownload(url, file, metaFile, meta, options.idleTimeoutMs ?? 30_000, log);
    } catch (error) {
      if (!(error instanceof RetryableError)) throw error;
      lastError = error;
    }
  }
  throw new DownloadError(`échec du téléchargement après ${retries + 1} essais : ${lastError?.message ?? "?"}`, url);
}

async function readMeta(metaFile: string, file: string): Promise<CacheMeta | null> {
  try {
    const meta = JSON.parse(await readFile(metaFile, "utf8")) as CacheMeta;
    const info = await stat(file);
    return info.size === meta.bytes ? meta : null;
  } catch {
    return null;
  }
}

async function attemptDownload(
  url: string,
  file: string,
  metaFile: string,
  meta: CacheMeta | null,
  idleTimeoutMs: number,
  log: (message: string) => void,
): Promise<DownloadResult> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const touch = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error(`aucune donnée reçue depuis ${idleTimeoutMs} ms`)), idleTimeoutMs);
  };
  const headers: Record<string, string> = { "user-agent": "Navette (suivi citoyen de la navette parlementaire)" };
  if (meta?.etag) headers["if-none-match"] = meta.etag;
  if (meta?.lastModified) headers["if-modified-since"] = meta.lastModified;

  const partial = `${file}.part`;
  touch();
  try {
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: controller.signal, redirect: "follow" });
    } catch (error) {
      throw networkError(error, url, controller.signal);
    }
    if (response.status === 304 && meta) {
      await response.body?.cancel();
      log("non modifié depuis le dernier téléchargement (304)");
      return { file, notModified: true, bytes: meta.bytes };
    }
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      await response.body?.cancel();
      throw new RetryableError(`le serveur a répondu ${response.status}`);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new DownloadError(`le serveur a répondu ${response.status} ${response.statusText}`, url);
    }
    const expected = Number(response.headers.get("content-length") ?? NaN);
    let received = 0;
    const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
    body.on("data", (chunk: Buffer) => {
      received += chunk.length;
      touch();
    });
    try {
      await pipeline(body, createWriteStream(partial));
    } catch (error) {
      throw networkError(error, url, controller.signal);
    }
    if (Number.isFinite(expected) && received !== expected) {
      throw new RetryableError(`téléchargement incomplet (${received} octets reçus sur ${expected})`);
    }
    await rename(partial, file);
    const newMeta: CacheMeta = {
      url,
      etag: response.headers.get("etag"),
      lastModified: response.headers.get("last-modified"),
      bytes: received,
      fetchedAt: new Date().toISOString(),
    };
    await writeFile(metaFile, JSON.stringify(newMeta, null, 2));
    return { file, notModified: false, bytes: received };
  } finally {
    clearTimeout(timer);
    await rm(partial, { force: true });
  }
}

/** Turns a fetch failure into a retryable error with a readable reason. */
function networkError(error: unknown, url: string, signal: AbortSignal): Error {
  if (error instanceof DownloadError || error instanceof RetryableError) return error;
  if (signal.aborted) return new RetryableError((signal.reason as Error | undefined)?.message ?? "délai dépassé");
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? "";
  const host = new URL(url).host;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new RetryableError(`hôte ${host} introuvable (réseau indisponible ?)`);
  if (code === "ECONNREFUSED") return new RetryableError(`connexion refusée par ${host}`);
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return new RetryableError(`connexion interrompue par ${host}`);
  return new RetryableError(`erreur réseau vers ${host} : ${cause?.message ?? (error as Error).message}`);
}
