/**
 * Project-written fixtures in the AN formats, laid out on disk as the real dumps are.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import yazl from "yazl";
import { createWriteStream } from "node:fs";
import { anAmendmentJson, type AmendmentSpec } from "../../scripts/an-format.js";

/** The articles of the reference committee text (scripts/reference-texts.ts), in order, ranges and groups expanded. */
export const REFERENCE_COMMITTEE_ARTICLES: readonly string[] = [
  "1er",
  "2",
  "8",
  "8 bis",
  "8 ter",
  "9",
  "10",
  "15 ter",
  "16",
  "19",
  "20",
  "21",
  "22",
  "23",
  "24",
  "25",
];

/** A typical committee amendment; tests override what they need. */
export function amendmentSpec(overrides: Partial<AmendmentSpec> = {}): AmendmentSpec {
  return {
    organ: "PO59051",
    text: "PIONANR5L17B0907",
    number: 44,
    prefix: "CL",
    prefixCode: "CION_LOIS",
    author: { type: "Député", ref: "PA1", group: "PO2", label: "M.&#160;Dupont" },
    division: { title: "Article 8 ter", short: "ART. 8 TER" },
    dispositif: "<p>Supprimer cet article.</p>",
    expose: "<p>Exposé.</p>",
    state: { code: "DI", label: "Discuté" },
    subState: { code: "DI", label: "Adopté" },
    sort: "Adopté",
    depositedAt: "2025-02-21",
    decidedAt: "2025-03-06T00:06:24+01:00",
    ...overrides,
  };
}

/** A fresh temporary folder. */
export function tempDir(prefix = "navette-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Dump path of an amendment: json/{dossier}/{texte}/{uid}.json. */
export function dumpPath(spec: AmendmentSpec, dossier = "DLR5L17N50169"): string {
  const doc = anAmendmentJson(spec);
  return `json/${dossier}/${spec.text}/${doc.amendement["uid"] as string}.json`;
}

/** Writes amendments as a dump folder; returns the folder. */
export function writeAmendmentFolder(specs: AmendmentSpec[], dir = tempDir(), dossier?: string): string {
  for (const spec of specs) {
    const file = path.join(dir, dumpPath(spec, dossier));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(anAmendmentJson(spec)));
  }
  return dir;
}

/** Writes a zip archive from (name, content) pairs; resolves to its path. */
export function writeZip(entries: Array<[string, string | Buffer]>, file = path.join(tempDir(), "Amendements.json.zip")): Promise<string> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, content] of entries) zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name);
    zip.end();
    zip.outputStream
      .pipe(createWriteStream(file))
      .on("close", () => resolve(file))
      .on("error", reject);
  });
}

/** Zip entries of a dump of the given amendments. */
export function amendmentZipEntries(specs: AmendmentSpec[]): Array<[string, string]> {
  return specs.map((spec) => [dumpPath(spec), JSON.stringify(anAmendmentJson(spec))]);
}
