/**
 * Pages change only when something is written; they are read many times in between. Every page
 * answer carries an ETag made of the data version (db/store/data-version.ts, incremented in
 * the transaction of every write that changes a page) and the hour (the home page's « nouveau »
 * depends on it), so a repeat visitor or an htmx request gets `304 Not Modified`. Anonymous
 * pages, identical for every visitor, are also kept rendered in memory under that version: the
 * first request after an import or an annotation renders afresh, the following ones are served
 * from memory. Each web process keeps its own copy; the version lives in the database, so
 * several processes never serve a page older than the data.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import type { Kysely } from "kysely";
import { LRUCache } from "lru-cache";
import type { Database } from "../../db/schema.js";
import { readDataVersion } from "../../db/store/data-version.js";
import type { SessionVariables } from "./session.js";

/** A rendered page: what is replayed on a hit. */
interface RenderedPage {
  readonly status: number;
  readonly body: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** The body compressed once, on the first request that accepts gzip. */
  gzip?: Uint8Array<ArrayBuffer>;
}

/** Response headers kept with a rendered page (never Set-Cookie). */
const KEPT_HEADERS = ["content-type", "last-modified", "cache-control", "vary", "hx-push-url"];

/** Settings of the page cache. */
export interface PageCacheOptions {
  /** When set, links are made from it and the Host header does not change a page. */
  readonly publicUrl: URL | string | null;
  /** Memory given to rendered pages, in bytes of text (default 64 MB). */
  readonly maxBytes?: number;
  /** The clock (tests move it). */
  readonly now?: () => number;
}

/** The page-cache middleware. */
export function pageCache(db: Kysely<Database>, options: PageCacheOptions): MiddlewareHandler<{ Variables: SessionVariables }> {
  const now = options.now ?? Date.now;
  const pages = new LRUCache<string, RenderedPage>({
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    // A page counts for its text and, once made, its compressed copy (a fraction of it).
    sizeCalculation: (p) => Math.ceil(p.body.length * 1.3) + 200,
  });
  return async (c, next) => {
    if (c.req.method !== "GET") return next();
    const version = await readDataVersion(db);
    const hour = Math.floor(now() / 3_600_000);
    const visitor = c.get("visitor") as SessionVariables["visitor"] | undefined;
    // A signed-in visitor's pages carry their session's CSRF token: their ETag is theirs alone, and they are not kept.
    const personal = visitor?.user ? createHash("sha256").update(visitor.csrfToken).digest("base64url").slice(0, 12) : null;
    // One validator per resource (its address, Host when it changes the links, htmx or not), never one for the site.
    const representation = JSON.stringify([
      options.publicUrl ? "" : c.req.header("Host"),
      pathAndQuery(c.req.url),
      c.req.header("HX-Request") === "true",
    ]);
    const resource = createHash("sha256").update(representation).digest("base64url").slice(0, 10);
    const etag = `W/"${version}-${hour}-${resource}${personal ? `-${personal}` : ""}"`;
    const ifNoneMatch = c.req.header("If-None-Match");
    const anyTag = ifNoneMatch?.split(",").some((tag) => tag.trim() === "*") ?? false;
    // A tag this resource was given (only ever on a 200) still holds; « * » is answered once the page is known to exist.
    if (matchesTag(ifNoneMatch, etag)) return c.body(null, 304, { ETag: etag });
    const key = personal ? null : `${version}|${hour}|${representation}`;
    const hit = key ? pages.get(key) : undefined;
    if (hit) {
      if (hit.status === 200 && anyTag) return c.body(null, 304, { ETag: etag });
      if (notModifiedSince(ifNoneMatch, c.req.header("If-Modified-Since"), hit)) return c.body(null, 304, { ETag: etag });
      const headers: Record<string, string> = Object.fromEntries([...hit.headers, ["ETag", etag]]);
      if (!acceptsGzip(c.req.header("Accept-Encoding"))) return c.body(hit.body, hit.status as 200, headers);
      hit.gzip ??= gzipSync(hit.body);
      return c.body(new Uint8Array(hit.gzip.buffer, hit.gzip.byteOffset, hit.gzip.byteLength), hit.status as 200, {
        ...headers,
        "Content-Encoding": "gzip",
      });
    }
    await next();
    if (c.res.status !== 200) return;
    if (anyTag) {
      c.res = new Response(null, { status: 304, headers: { ETag: etag } });
      return;
    }
    c.res.headers.set("ETag", etag);
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", personal ? "private, no-cache" : "no-cache");
    if (!c.res.headers.get("Vary")?.includes("Cookie")) c.res.headers.append("Vary", "Cookie, Accept-Encoding");
    if (!key) return;
    const body = await c.res.clone().text();
    const headers = KEPT_HEADERS.flatMap((name) => {
      const value = c.res.headers.get(name);
      return value === null ? [] : [[name, value] as const];
    });
    pages.set(key, { status: c.res.status, body, headers });
  };
}

const pathAndQuery = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

/** `text` compressed with gzip, in a buffer of its own (made once per page or asset, sent many times). */
export function gzipped(text: string): Uint8Array<ArrayBuffer> {
  const compressed = gzipSync(text);
  const bytes = new Uint8Array(compressed.byteLength);
  bytes.set(compressed);
  return bytes;
}

/** Whether the client takes gzip (kept pages are compressed once and served compressed). */
export function acceptsGzip(header: string | undefined): boolean {
  return header !== undefined && /\bgzip\b(?!\s*;\s*q=0(?:\.0+)?\b)/i.test(header);
}

/** Whether an If-None-Match header names `etag` itself (weak comparison, lists; « * » is not a tag). */
function matchesTag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => bare(tag) === bare(etag));
}

/** If-Modified-Since answered from a kept page's Last-Modified, when no If-None-Match was sent. */
function notModifiedSince(ifNoneMatch: string | undefined, since: string | undefined, page: RenderedPage): boolean {
  if (ifNoneMatch || !since) return false;
  const modified = page.headers.find(([name]) => name === "last-modified")?.[1];
  return modified !== undefined && Date.parse(since) >= Date.parse(modified);
}
