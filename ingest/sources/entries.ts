/**
 * Reading a local source as a sequence of documents: one file, a folder (recursively), or a zip
 * archive read entry by entry (never unzipped as a whole into memory).
 */
import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { MAX_DOCUMENT_BYTES, SourceError } from "../document.js";

/** One document of a source. */
export interface SourceEntry {
  /** Path of the document inside the source (entry name in a zip, relative path in a folder). */
  readonly name: string;
  /** Reads the whole document. Call it before asking for the next entry. */
  read(): Promise<Buffer>;
}

/** A source opened for reading. */
export interface OpenedSource {
  /** Number of documents, when known in advance (for the progress bar). */
  readonly total: number | null;
  /** Documents, and errors about entries that cannot be read (the rest goes on). */
  readonly entries: AsyncIterable<SourceEntry | SourceError>;
}

/** Extensions of the documents importers read. */
const DOCUMENT_EXTENSIONS = /\.(json|xml|html?|csv|txt)$/i;

/**
 * Opens a file, folder or zip archive. `displayName` names a single file's document (the URL it
 * was downloaded from, rather than the cache file).
 */
export async function openLocalSource(location: string, displayName?: string): Promise<OpenedSource> {
  let info;
  try {
    info = await stat(location);
  } catch {
    throw new SourceError("fichier ou dossier introuvable", location);
  }
  if (info.isDirectory()) {
    return { total: await countFiles(location), entries: folderEntries(location) };
  }
  if (await isZip(location)) return openZip(location);
  return {
    total: 1,
    // An AsyncIterable by contract (zip sources await their entries); this one has nothing to wait for.
    // eslint-disable-next-line @typescript-eslint/require-await
    entries: (async function* () {
      yield { name: displayName ?? path.basename(location), read: () => readLimited(createReadStream(location), location) };
    })(),
  };
}

async function isZip(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

/** Documents of a folder, recursively, in name order: one directory listed at a time, never the whole tree in memory. */
async function* walkFiles(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.isDirectory()) yield* walkFiles(path.join(dir, entry.name));
    else if (entry.isFile() && DOCUMENT_EXTENSIONS.test(entry.name)) yield path.join(dir, entry.name);
  }
}

/** How many documents a folder holds (for the progress bar), counted without keeping their paths. */
async function countFiles(dir: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += await countFiles(path.join(dir, entry.name));
    else if (entry.isFile() && DOCUMENT_EXTENSIONS.test(entry.name)) count++;
  }
  return count;
}

async function* folderEntries(root: string): AsyncGenerator<SourceEntry> {
  for await (const file of walkFiles(root)) {
    yield { name: path.relative(root, file), read: () => readLimited(createReadStream(file), file) };
  }
}

/** Reads a stream fully, refusing documents larger than {@link MAX_DOCUMENT_BYTES}. */
function readLimited(stream: Readable, name: string, limit = MAX_DOCUMENT_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.destroy();
        reject(new SourceError(`document trop volumineux (plus de ${limit} octets)`, name));
        return;
      }
      chunks.push(chunk);
    });
    stream.on("error", (error) =>
      reject(error instanceof SourceError ? error : new SourceError(`lecture impossible : ${error.message}`, name)),
    );
    stream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

/** Decodes a zip entry name (UTF-8 when flagged, else CP437, which is ASCII for the names we meet). */
function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer | string;
  if (typeof raw === "string") return raw;
  return (entry.generalPurposeBitFlag & 0x800) !== 0 ? raw.toString("utf8") : raw.toString("latin1");
}

/** Highest compression ratio accepted for an entry: text compresses well, zip bombs far more. */
const MAX_COMPRESSION_RATIO = 200;

async function openZip(file: string): Promise<OpenedSource> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (error, zipfile) => {
      if (error || !zipfile) reject(new SourceError(`archive zip illisible ou tronquée : ${error?.message ?? "?"}`, file));
      else resolve(zipfile);
    });
  });
  const entries = async function* (): AsyncGenerator<SourceEntry | SourceError> {
    try {
      for (;;) {
        const entry = await nextEntry(zip, file);
        if (!entry) return;
        const name = entryName(entry);
        if (name.endsWith("/")) continue;
        const where = `${file}!${name}`;
        if (name.startsWith("/") || name.split(/[\\/]/).includes("..")) {
          yield new SourceError("chemin d'entrée dangereux (absolu ou avec « .. ») : entrée ignorée", where);
          continue;
        }
        if (!DOCUMENT_EXTENSIONS.test(name)) continue;
        if (entry.uncompressedSize > MAX_DOCUMENT_BYTES) {
          yield new SourceError(`entrée trop volumineuse (${entry.uncompressedSize} octets décompressés)`, where);
          continue;
        }
        if (
          entry.compressedSize > 0 &&
          entry.uncompressedSize / entry.compressedSize > MAX_COMPRESSION_RATIO &&
          entry.uncompressedSize > 1_000_000
        ) {
          yield new SourceError("taux de compression suspect (bombe zip ?) : entrée ignorée", where);
          continue;
        }
        yield {
          name,
          read: async () => {
            const stream = await new Promise<Readable>((resolve, reject) =>
              zip.openReadStream(entry, (error, s) =>
                error || !s ? reject(new SourceError(`entrée illisible : ${error?.message ?? "?"}`, where)) : resolve(s),
              ),
            );
            return readLimited(stream, where);
          },
        };
      }
    } finally {
      zip.close();
    }
  };
  return { total: zip.entryCount, entries: entries() };
}

function nextEntry(zip: yauzl.ZipFile, file: string): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: yauzl.Entry): void => {
      cleanup();
      resolve(entry);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(null);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(new SourceError(`archive zip corrompue : ${error.message}`, file));
    };
    const cleanup = (): void => {
      zip.off("entry", onEntry);
      zip.off("end", onEnd);
      zip.off("error", onError);
    };
    zip.on("entry", onEntry);
    zip.on("end", onEnd);
    zip.on("error", onError);
    zip.readEntry();
  });
}
