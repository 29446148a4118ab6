/**
 * Fetching sources through real HTTP, from a local server on 127.0.0.1.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { downloadToCache, DownloadError } from "../../ingest/sources/http.js";
import { runImport } from "../../src/importer/run-import.js";
import { findSourceKind } from "../../src/importer/source-kinds.js";
import { createTestDatabase } from "../helpers/databases.js";
import { amendmentSpec, amendmentZipEntries, tempDir, writeZip } from "../helpers/fixtures.js";
import { REFERENCE_COMMITTEE_TEXT } from "../../scripts/reference-texts.js";
import { renderAnDynHtml } from "../../scripts/text-formats.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let handler: Handler;
let baseUrl: string;
let requests: IncomingMessage[];

beforeEach(async () => {
  requests = [];
  server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const fast = { retries: 2, backoffMs: 10, idleTimeoutMs: 300 };

describe("downloadToCache", () => {
  it("downloads, then asks conditionally and reuses the copy on 304", async () => {
    const body = "contenu du fichier";
    handler = (req, res) => {
      if (req.headers["if-none-match"] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res
        .writeHead(200, { etag: '"v1"', "last-modified": "Wed, 05 Mar 2025 10:00:00 GMT", "content-length": Buffer.byteLength(body) })
        .end(body);
    };
    const cacheDir = tempDir();
    const first = await downloadToCache(`${baseUrl}/a.json`, { cacheDir, ...fast });
    expect(first.notModified).toBe(false);
    expect(readFileSync(first.file, "utf8")).toBe(body);
    const second = await downloadToCache(`${baseUrl}/a.json`, { cacheDir, ...fast });
    expect(second).toMatchObject({ notModified: true, file: first.file });
    expect(requests[1]?.headers["if-none-match"]).toBe('"v1"');
    expect(requests[1]?.headers["if-modified-since"]).toBe("Wed, 05 Mar 2025 10:00:00 GMT");
  });

  it("retries 5xx answers with backoff and succeeds", async () => {
    let calls = 0;
    handler = (_req, res) => {
      calls++;
      if (calls <= 2) res.writeHead(503).end("occupé");
      else res.writeHead(200).end("ok");
    };
    const messages: string[] = [];
    const result = await downloadToCache(`${baseUrl}/b.json`, { cacheDir: tempDir(), ...fast, log: (m) => messages.push(m) });
    expect(readFileSync(result.file, "utf8")).toBe("ok");
    expect(calls).toBe(3);
    expect(messages).toEqual([expect.stringContaining("nouvel essai 1/2"), expect.stringContaining("nouvel essai 2/2")]);
  });

  it("gives up after the retries with the reason", async () => {
    handler = (_req, res) => res.writeHead(500).end();
    await expect(downloadToCache(`${baseUrl}/c.json`, { cacheDir: tempDir(), ...fast })).rejects.toThrow(
      /après 3 essais : le serveur a répondu 500/,
    );
  });

  it("does not retry a 404 and says so", async () => {
    handler = (_req, res) => res.writeHead(404).end();
    await expect(downloadToCache(`${baseUrl}/d.json`, { cacheDir: tempDir(), ...fast })).rejects.toThrow(DownloadError);
    expect(requests).toHaveLength(1);
  });

  it("never hands a partial download over: a dropped connection leaves no file", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-length": 1000 });
      res.write("x".repeat(400));
      setTimeout(() => res.socket?.destroy(), 20);
    };
    const cacheDir = tempDir();
    await expect(downloadToCache(`${baseUrl}/e.zip`, { cacheDir, ...fast })).rejects.toThrow(/échec du téléchargement/);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it("abandons a silent server after the idle timeout", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-length": 10 });
      res.write("12345");
    };
    await expect(downloadToCache(`${baseUrl}/f.json`, { cacheDir: tempDir(), retries: 0, idleTimeoutMs: 200 })).rejects.toThrow(
      /aucune donnée reçue depuis 200 ms/,
    );
  });

  it("says clearly when nothing listens", async () => {
    const port = (server.address() as AddressInfo).port;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    server = createServer();
    await expect(downloadToCache(`http://127.0.0.1:${port}/g.json`, { cacheDir: tempDir(), retries: 1, backoffMs: 5 })).rejects.toThrow(
      /connexion refusée par 127\.0\.0\.1/,
    );
  });
});

describe("ingest from a URL", () => {
  it("imports a zipped dump served over HTTP, then gets 304 and changes nothing", async () => {
    const zip = readFileSync(await writeZip(amendmentZipEntries([amendmentSpec({ number: 1 }), amendmentSpec({ number: 2 })])));
    handler = (req, res) => {
      if (req.headers["if-none-match"] === '"dump-1"') res.writeHead(304).end();
      else res.writeHead(200, { etag: '"dump-1"', "content-type": "application/zip", "content-length": zip.length }).end(zip);
    };
    const database = await createTestDatabase("sqlite");
    try {
      const cacheDir = tempDir();
      const options = { kind: findSourceKind("an-amendements")!, location: `${baseUrl}/Amendements.json.zip`, cacheDir, download: fast };
      const first = await runImport(database, options);
      expect(first).toMatchObject({ status: "ok", notModified: false, counts: { created: 2 } });
      const second = await runImport(database, options);
      expect(second).toMatchObject({ status: "ok", notModified: true, counts: { created: 0, changed: 0, unchanged: 2 } });
      expect(existsSync(cacheDir)).toBe(true);
    } finally {
      await database.dispose();
    }
  });

  it("imports a bill text from its AN address, which names the text", async () => {
    const page = Buffer.from(renderAnDynHtml(REFERENCE_COMMITTEE_TEXT));
    handler = (_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": page.length }).end(page);
    const database = await createTestDatabase("sqlite");
    try {
      const location = `${baseUrl}/dyn/opendata/PIONANR5L17BTC9943.html`;
      const summary = await runImport(database, { kind: findSourceKind("an-texte")!, location, cacheDir: tempDir(), download: fast });
      expect(summary).toMatchObject({ status: "ok", counts: { created: 1 } });
      const text = await database.db.selectFrom("texts").select(["uid", "source"]).executeTakeFirstOrThrow();
      expect(text).toEqual({ uid: "PIONANR5L17BTC9943", source: location });
    } finally {
      await database.dispose();
    }
  });

  it("fails the run with the download's reason when the server keeps failing", async () => {
    handler = (_req, res) => res.writeHead(502).end();
    const database = await createTestDatabase("sqlite");
    try {
      const summary = await runImport(database, {
        kind: findSourceKind("an-amendements")!,
        location: `${baseUrl}/x.zip`,
        cacheDir: tempDir(),
        download: fast,
      });
      expect(summary.status).toBe("failed");
      expect(summary.message).toMatch(/502/);
      const errors = await database.db.selectFrom("import_errors").select(["file", "message"]).execute();
      expect(errors).toEqual([{ file: `${baseUrl}/x.zip`, message: expect.stringContaining("502") }]);
    } finally {
      await database.dispose();
    }
  });
});
