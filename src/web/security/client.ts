/**
 * What the server knows of the client behind a request: its address and the origin it used,
 * through reverse proxies only when the configuration says how many stand in front.
 */
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { WebConfig } from "../../config.js";

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // Requests made in-process (tests) have no socket.
    return undefined;
  }
}

/**
 * The client's address. With `trustProxy` = n, each trusted proxy appended the address it saw to
 * `X-Forwarded-For`: the client is n entries from the end of that chain followed by the socket's
 * address; whatever the client itself wrote in the header comes before and is ignored.
 */
export function clientAddress(c: Context, web: Pick<WebConfig, "trustProxy">): string {
  const socket = socketAddress(c);
  if (web.trustProxy > 0) {
    const forwarded = (c.req.header("X-Forwarded-For") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "");
    const chain = socket ? [...forwarded, socket] : forwarded;
    const client = chain[chain.length - 1 - web.trustProxy];
    if (client) return client;
  }
  return socket ?? "inconnue";
}

/** True when the client reached the site over HTTPS (directly, or per a trusted proxy). */
export function overHttps(c: Context, web: Pick<WebConfig, "trustProxy" | "secureCookies">): boolean {
  if (web.secureCookies) return true;
  if (new URL(c.req.url).protocol === "https:") return true;
  return web.trustProxy > 0 && c.req.header("X-Forwarded-Proto")?.split(",")[0]?.trim() === "https";
}

/**
 * The origin pages are served from, as the browser sees it: the public address when configured,
 * otherwise the request's own origin.
 */
export function siteOrigin(c: Context, web: Pick<WebConfig, "publicUrl">): string {
  return web.publicUrl?.origin ?? new URL(c.req.url).origin;
}
