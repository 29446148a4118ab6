/**
 * A legislature-size corpus made from the project's own AN formats: N amendments across T texts
 * and D dossiers, written as the official zipped dump (`json/{dossier}/{texte}/{uid}.json`),
 * with realistic sizes (dispositif and exposé of a few kilobytes) and the usual mix of sorts.
 */
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import yazl from "yazl";
import { anAmendmentJson, type AmendmentSpec } from "../scripts/an-format.js";

const SORTS: Array<Pick<AmendmentSpec, "state" | "subState" | "sort">> = [
  { state: { code: "DI", label: "Discuté" }, subState: { code: "DI", label: "Adopté" }, sort: "Adopté" },
  { state: { code: "DI", label: "Discuté" }, subState: { code: "DI", label: "Rejeté" }, sort: "Rejeté" },
  { state: { code: "DI", label: "Discuté" }, subState: { code: "DI", label: "Rejeté" }, sort: "Rejeté" },
  { state: { code: "DI", label: "Discuté" }, subState: { code: "DI", label: "Tombé" }, sort: "Tombé" },
  { state: { code: "RT", label: "Retiré" }, subState: { code: "RT", label: "Retiré après publication" } },
  { state: { code: "IR", label: "Irrecevable 40" }, subState: { code: "IR", label: "Gage" } },
  { state: { code: "DI", label: "Discuté" }, subState: { code: "DI", label: "Non soutenu" }, sort: "Non soutenu" },
];

const PARAGRAPH =
  "Le présent amendement vise à encadrer le recours aux techniques de renseignement et à renforcer le contrôle de la Commission nationale de contrôle des techniques de renseignement sur la mise en œuvre des traitements automatisés des données de connexion.";

/** The uid of the corpus's d-th dossier. */
export const corpusDossierUid = (d: number): string => `DLR5L17N${String(60000 + d)}`;

/** The i-th amendment of the corpus; `dossierUidOf` names the dossiers (by default DLR5L17N60000…). */
export function corpusAmendment(
  i: number,
  texts: number,
  dossiers: number,
  dossierUidOf: (d: number) => string = corpusDossierUid,
): { path: string; json: string } {
  const text = i % texts;
  const dossier = text % dossiers;
  const textUid = `PIONANR5L17B${String(1000 + text).padStart(4, "0")}`;
  const dossierUid = dossierUidOf(dossier);
  const article = 1 + (i % 40);
  const spec: AmendmentSpec = {
    organ: i % 3 === 0 ? "PO59051" : "PO838901",
    text: textUid,
    number: 1 + Math.floor(i / texts),
    prefix: i % 3 === 0 ? "CL" : "",
    prefixCode: i % 3 === 0 ? "CION_LOIS" : "AN",
    author: { type: "Député", ref: `PA${700000 + (i % 577)}`, group: `PO8454${10 + (i % 11)}`, label: `M.&#160;Député${i % 577}` },
    cosigners: Array.from({ length: i % 7 }, (_, k) => `PA${710000 + ((i + k) % 577)}`),
    division:
      i % 10 === 0
        ? { title: `Article ${article}`, short: `APRÈS ART. ${article}`, position: "Après", additional: true }
        : { title: `Article ${article}`, short: `ART. ${article}` },
    alinea: String(1 + (i % 12)),
    dispositif:
      `<p>À l'alinéa ${1 + (i % 12)}, substituer aux mots&#160;: «&#160;autorisation préalable&#160;» les mots&#160;: «&#160;autorisation du juge n° ${i}&#160;».</p>`.repeat(
        2,
      ),
    expose: `<p>${PARAGRAPH}</p>`.repeat(3 + (i % 5)),
    ...SORTS[i % SORTS.length]!,
    depositedAt: `2025-0${1 + (i % 9)}-1${i % 10}`,
    decidedAt: `2025-0${1 + (i % 9)}-2${i % 9}T10:00:00+01:00`,
  };
  const document = anAmendmentJson(spec);
  return { path: `json/${dossierUid}/${textUid}/${document.amendement["uid"] as string}.json`, json: JSON.stringify(document) };
}

/** Writes the zipped corpus; resolves when the file is complete. */
export function writeCorpusZip(
  file: string,
  amendments: number,
  texts = 300,
  dossiers = 60,
  dossierUidOf: (d: number) => string = corpusDossierUid,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    // Documents are made when yazl reads them, so the corpus never sits in memory whole.
    for (let i = 0; i < amendments; i++) {
      const { path } = corpusAmendment(i, texts, dossiers, dossierUidOf);
      zip.addReadStreamLazy(path, {}, (callback: (error: Error | null, stream: Readable) => void) => {
        callback(null, Readable.from([Buffer.from(corpusAmendment(i, texts, dossiers, dossierUidOf).json)]));
      });
    }
    zip.end();
    zip.outputStream
      .pipe(createWriteStream(file))
      .on("close", () => resolve())
      .on("error", reject);
  });
}
