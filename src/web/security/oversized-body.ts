/**
 * A request whose announced body (Content-Length) is larger than the site accepts is refused with
 * 413 and `Connection: close`, after its body is read and thrown away (up to a bound): closing a
 * socket that still holds unread bytes makes the kernel reset it, and a reverse proxy still sending
 * then answers 502 instead of the 413. Bodies without a length are bounded by Hono's `bodyLimit`.
 */
import type { IncomingMessage } from "node:http";
import type { MiddlewareHandler } from "hono";

/** Bytes read and discarded before giving up on draining (and closing anyway). */
const DRAIN_LIMIT = 16 * 1024 * 1024;
/** How long the rest of a refused body may take to arrive. */
const DRAIN_MS = 5_000;

/** Drains what is left of `incoming`, at most DRAIN_LIMIT bytes or DRAIN_MS. */
function drain(incoming: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (incoming.complete || incoming.destroyed) return resolve();
    let read = 0;
    const done = () => {
      clearTimeout(timer);
      incoming.off("data", onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > DRAIN_LIMIT) done();
    };
    const timer = setTimeout(done, DRAIN_MS);
    incoming.on("data", onData);
    incoming.once("end", done);
    incoming.once("error", done);
    incoming.once("close", done);
    incoming.resume();
  });
}

/** The middleware; `message` is the refusal's text. */
export function refuseOversizedBody(maxBytes: number, message: string): MiddlewareHandler {
  return async (c, next) => {
    const length = Number(c.req.header("Content-Length") ?? "");
    if (!Number.isFinite(length) || length <= maxBytes) return next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (incoming) await drain(incoming);
    return c.text(message, 413, { Connection: "close" });
  };
}
