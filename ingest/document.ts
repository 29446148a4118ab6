/**
 * Reading source documents: bytes to text in the right encoding, XML and JSON to plain objects
 * of one shape, and safe access to the values inside them.
 *
 * The AN publishes the same records as XML and as JSON converted from that XML: attributes
 * become "@name" keys, nil elements become `{"@xsi:nil": "true"}`, and a repeated element is a
 * list when there are several and a single value when there is one. {@link parseXmlDocument}
 * produces that same shape from XML, so one mapper reads both.
 */
import iconv from "iconv-lite";
import { XMLParser, XMLValidator } from "fast-xml-parser";

/** A value as found in a parsed source document. */
export type RawValue = string | number | boolean | null | RawObject | RawValue[];
/** An object of a parsed source document. */
export interface RawObject {
  [key: string]: RawValue | undefined;
}

/** An error about one input file or record, with the place it concerns. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly record: string | null = null,
  ) {
    super(message);
    this.name = "SourceError";
  }
}

/** Largest document accepted, to refuse zip bombs and runaway files before parsing them. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

const SUPPORTED_ENCODINGS = new Map<string, string>([
  ["utf-8", "utf-8"],
  ["utf8", "utf-8"],
  // As browsers read them (WHATWG Encoding): pages that say ISO-8859-1 hold Windows-1252 quotes and dashes.
  ["iso-8859-1", "windows-1252"],
  ["latin1", "windows-1252"],
  ["iso-8859-15", "iso-8859-15"],
  ["windows-1252", "windows-1252"],
  ["cp1252", "windows-1252"],
]);

/** Text of a document and how it was decoded. */
export interface DecodedDocument {
  readonly text: string;
  readonly encoding: string;
  /** Set when the declared charset was wrong and the real one was used. */
  readonly note: string | null;
}

/**
 * Decodes bytes to text: a byte-order mark or the XML/HTML declared charset decides, UTF-8 by
 * default. A page declared ISO-8859-1 whose bytes are valid UTF-8 with accented letters is read
 * as UTF-8 (pages re-saved without fixing their meta tag), with a note. Invalid UTF-8 in a
 * document that claims UTF-8 is an error: the file is in another encoding than it says.
 */
export function decodeDocumentWithInfo(bytes: Uint8Array, file: string): DecodedDocument {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeWith("utf-8", bytes.subarray(3), file), encoding: "utf-8", note: null };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    return { text: decodeWith(encoding, bytes.subarray(2), file), encoding, note: null };
  }
  const head = Buffer.from(bytes.subarray(0, 2048)).toString("latin1");
  const declared = /<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)["']/i.exec(head)?.[1] ?? /charset\s*=\s*["']?([\w.-]+)/i.exec(head)?.[1];
  if (!declared) return { text: decodeWith("utf-8", bytes, file), encoding: "utf-8", note: null };
  const encoding = SUPPORTED_ENCODINGS.get(declared.toLowerCase());
  if (!encoding) throw new SourceError(`encodage « ${declared} » non pris en charge`, file);
  if (encoding !== "utf-8" && hasMultibyteUtf8(bytes)) {
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      return { text, encoding: "utf-8", note: `déclaré ${declared} mais encodé en UTF-8 : lu en UTF-8` };
    } catch {
      // Not UTF-8 after all: the declaration was right.
    }
  }
  return { text: decodeWith(encoding, bytes, file), encoding, note: null };
}

/** Decodes bytes to text (see {@link decodeDocumentWithInfo}). */
export function decodeDocument(bytes: Uint8Array, file: string): string {
  return decodeDocumentWithInfo(bytes, file).text;
}

/** True when the bytes hold at least one well-formed two-byte UTF-8 sequence for a Latin letter. */
function hasMultibyteUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i] as number;
    if ((b === 0xc3 || b === 0xc2 || b === 0xc5) && ((bytes[i + 1] as number) & 0xc0) === 0x80) return true;
  }
  return false;
}

/**
 * Windows-1252 (cp1252), with its quotes, dashes, « œ » and « € » in 0x80–0x9F: Node's own
 * TextDecoder reads these bytes as Latin-1 control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return decodeSingleByte(bytes, "windows-1252");
}

/** A single-byte encoding, by iconv-lite's tables (Node's TextDecoder gets 0x80–0x9F wrong). */
function decodeSingleByte(bytes: Uint8Array, encoding: "windows-1252" | "iso-8859-15"): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

function decodeWith(encoding: string, bytes: Uint8Array, file: string): string {
  if (encoding === "windows-1252" || encoding === "iso-8859-15") return decodeSingleByte(bytes, encoding);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new SourceError(`le fichier n'est pas valide en ${encoding} (mauvais encodage ?)`, file);
  }
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  removeNSPrefix: false,
  cdataPropName: false,
  processEntities: true,
  htmlEntities: false,
});

/** Parses an XML document into the AN JSON shape (see module doc). Malformed XML is a {@link SourceError}. */
export function parseXmlDocument(text: string, file: string): RawObject {
  if (text.trim() === "") throw new SourceError("fichier vide", file);
  const validation = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new SourceError(`XML mal formé (ligne ${line}, colonne ${col}) : ${msg}`, file);
  }
  let parsed: unknown;
  try {
    parsed = xmlParser.parse(text);
  } catch (error) {
    throw new SourceError(`XML illisible : ${(error as Error).message}`, file);
  }
  if (!isObject(parsed)) throw new SourceError("XML sans élément racine", file);
  delete parsed["?xml"];
  return parsed;
}

/** Parses a JSON document; malformed JSON is a {@link SourceError}. */
export function parseJsonDocument(text: string, file: string): RawObject {
  if (text.trim() === "") throw new SourceError("fichier vide", file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SourceError(`JSON mal formé : ${(error as Error).message}`, file);
  }
  if (!isObject(parsed)) throw new SourceError("le document JSON n'est pas un objet", file);
  return parsed;
}

/** Parses a document by its content: XML when it starts with "<", JSON otherwise. */
export function parseStructuredDocument(bytes: Uint8Array, file: string): RawObject {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new SourceError(`document trop volumineux (${bytes.length} octets, maximum ${MAX_DOCUMENT_BYTES})`, file);
  }
  const text = decodeDocument(bytes, file);
  return text.trimStart().startsWith("<") ? parseXmlDocument(text, file) : parseJsonDocument(text, file);
}

/** True for a plain object (not a list, not null). */
export function isObject(value: unknown): value is RawObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True for an element published as nil (`xsi:nil="true"`). */
export function isNil(value: RawValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  return isObject(value) && value["@xsi:nil"] === "true";
}

/** Child object at a path, or undefined when missing or nil. */
export function child(value: RawValue | undefined, ...path: string[]): RawObject | undefined {
  let current: RawValue | undefined = value;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return isObject(current) && !isNil(current) ? current : undefined;
}

/**
 * Text at a path: strings, numbers and booleans as text, `{"#text": …}` unwrapped; nil, empty
 * and missing values give null.
 */
export function text(value: RawValue | undefined, ...path: string[]): string | null {
  let current: RawValue | undefined = value;
  for (const key of path) {
    if (!isObject(current)) return null;
    current = current[key];
  }
  if (current === undefined || current === null || isNil(current)) return null;
  if (isObject(current)) current = current["#text"];
  if (typeof current === "string") return current.trim() === "" ? null : current.trim();
  if (typeof current === "number" || typeof current === "boolean") return String(current);
  return null;
}

/** A list at a path whatever the source did: a single value becomes a one-item list, nil an empty one. */
export function list(value: RawValue | undefined, ...path: string[]): RawValue[] {
  let current: RawValue | undefined = value;
  for (const key of path) {
    if (!isObject(current)) return [];
    current = current[key];
  }
  if (current === undefined || current === null || isNil(current)) return [];
  return Array.isArray(current) ? current : [current];
}
