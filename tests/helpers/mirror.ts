/**
 * A local mirror of the chambers' sites for tests: a real HTTP server on 127.0.0.1 serving files
 * at their real paths, with ETag and conditional requests (304) as the real sites answer them,
 * 404 for anything else, and a log of what it answered.
 */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";

/** A file the mirror serves. */
export interface MirrorFile {
  readonly body: Buffer;
  readonly type: string;
}

/** A running mirror. */
export interface Mirror {
  /** Its base address (http://127.0.0.1:port). */
  readonly base: string;
  /** Every request answered: path and status. */
  readonly log: Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

/** Serves `files` (by path, e.g. "/leg/pjl16-310.html") until closed. */
export async function startMirror(files: ReadonlyMap<string, MirrorFile>): Promise<Mirror> {
  const log: Array<{ path: string; status: number }> = [];
  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://mirror").pathname;
    const file = files.get(pathname);
    if (!file) {
      log.push({ path: pathname, status: 404 });
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>");
      return;
    }
    const etag = `"${createHash("sha1").update(file.body).digest("hex")}"`;
    if (req.headers["if-none-match"] === etag) {
      log.push({ path: pathname, status: 304 });
      res.writeHead(304, { etag }).end();
      return;
    }
    log.push({ path: pathname, status: 200 });
    res.writeHead(200, { "content-type": file.type, etag, "content-length": file.body.length }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
