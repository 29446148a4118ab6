/**
 * Sénat bill texts in Akoma Ntoso (OASIS LegalDocML AKN 3.0), as served at
 * `/akomantoso/<id>.akn.xml`. Reads the FRBR metadata (with the Sénat's aliases such as
 * `signet-dossier-legislatif-senat`, `url-senat`, `intitule-court`), the workflow steps, the
 * hierarchy (part, book, title, chapter, section…), articles with `num`/`heading` and their
 * `alinea`/`paragraph`/`content`/`p` variants, and annexes. Anything else is read for its text
 * and reported. Pure.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { ParsedText, DivisionKind } from "../../src/domain/bill-text.js";
import { parseMarkers } from "../../src/domain/article-heading.js";
import { SourceError } from "../document.js";
import { TextBuilder } from "./builder.js";

/** The AKN 3.0 namespace; other values are accepted with a warning. */
export const AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

type OrderedNode = { [tag: string]: OrderedNode[] | string | Record<string, string> | undefined; ":@"?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
});

const DIVISION_ELEMENTS: Readonly<Record<string, DivisionKind>> = {
  tome: "tome",
  part: "partie",
  book: "livre",
  title: "titre",
  chapter: "chapitre",
  section: "section",
  subsection: "sous-section",
  subchapter: "sous-section",
  subtitle: "sous-section",
  subpart: "subdivision",
  division: "subdivision",
  hcontainer: "subdivision",
};

/** Elements inside an article whose text forms alinéas. */
const ARTICLE_CONTAINERS = new Set([
  "alinea",
  "paragraph",
  "subparagraph",
  "content",
  "intro",
  "wrapUp",
  "list",
  "point",
  "indent",
  "blockList",
  "item",
  "listIntroduction",
  "listWrapUp",
  "blockContainer",
  "quotedStructure",
  "embeddedStructure",
  "mod",
]);
/** Elements ignored for structure (metadata, notes, references). */
const IGNORED = new Set([
  "meta",
  "authorialNote",
  "note",
  "notes",
  "noteRef",
  "eol",
  "eop",
  "img",
  "components",
  "references",
  "analysis",
  "temporalData",
  "proprietary",
  "lifecycle",
  "classification",
  "publication",
  "presentation",
]);

function tagOf(node: OrderedNode): string {
  return Object.keys(node).find((k) => k !== ":@") ?? "";
}

function childrenOf(node: OrderedNode): OrderedNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? value : [];
}

function attrs(node: OrderedNode): Record<string, string> {
  return node[":@"] ?? {};
}

/** Text content of a node, notes left out, spaces folded. */
function textOf(node: OrderedNode): string {
  const tag = tagOf(node);
  if (tag === "#text") return textValue(node["#text"]);
  if (IGNORED.has(tag)) return "";
  if (tag === "br") return " ";
  return childrenOf(node).map(textOf).join("");
}

function clean(text: string): string {
  return text.replace(/[\u00a0\u202f\s]+/g, " ").trim();
}

function find(nodes: OrderedNode[], tag: string): OrderedNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}

/** Parses an AKN document. Malformed XML or a document that is not AKN is a {@link SourceError}. */
export function parseAknText(xml: string, file: string): ParsedText {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    throw new SourceError(`XML mal formé (ligne ${validation.err.line}, colonne ${validation.err.col}) : ${validation.err.msg}`, file);
  }
  const roots = parser.parse(xml) as OrderedNode[];
  const root = roots.find((n) => tagOf(n) === "akomaNtoso");
  if (!root) throw new SourceError("pas un document Akoma Ntoso (élément racine akomaNtoso absent)", file);
  const builder = new TextBuilder("akn");
  const namespace = attrs(root)["xmlns"] ?? attrs(root)["xmlns:akn"];
  if (namespace && namespace !== AKN_NAMESPACE)
    builder.warn("métadonnées", `espace de noms inattendu « ${namespace} » (attendu : AKN 3.0)`);
  const documentNode = childrenOf(root).find((n) => ["bill", "act", "doc", "amendment", "documentCollection"].includes(tagOf(n)));
  if (!documentNode) throw new SourceError("document AKN sans élément bill, act ou doc", file);
  const parts = childrenOf(documentNode);
  const meta = find(parts, "meta");
  if (meta) readMetadata(meta, builder);
  else builder.warn("métadonnées", "élément meta absent");
  const preface = find(parts, "preface");
  if (preface) {
    const title = childrenOf(preface)
      .map((n) => clean(textOf(n)))
      .find((t) => t !== "");
    if (title) builder.setTitle(title);
  }
  const body = find(parts, "body") ?? find(parts, "mainBody");
  if (!body) builder.warn("corps", "élément body absent : aucun article");
  else walkStructure(childrenOf(body), builder);
  const attachments = find(parts, "attachments");
  if (attachments) readAnnexes(attachments, builder);
  return builder.finish();
}

function readMetadata(meta: OrderedNode, builder: TextBuilder): void {
  const identification = find(childrenOf(meta), "identification");
  const work = identification ? find(childrenOf(identification), "FRBRWork") : undefined;
  if (work) {
    for (const node of childrenOf(work)) {
      const tag = tagOf(node);
      const a = attrs(node);
      if (tag === "FRBRalias" && a["name"] && a["value"]) builder.setMetadata(a["name"], a["value"]);
      else if (tag === "FRBRthis" && a["value"]) builder.setMetadata("frbr-this", a["value"]);
      else if (tag === "FRBRnumber" && a["value"]) builder.setMetadata("numero", a["value"]);
      else if (tag === "FRBRdate" && a["date"]) builder.setMetadata(`date-${a["name"] ?? "work"}`, a["date"]);
    }
    const shortTitle = attrs(childrenOf(work).find((n) => tagOf(n) === "FRBRalias" && attrs(n)["name"] === "intitule-court") ?? {})[
      "value"
    ];
    if (shortTitle) builder.setTitle(shortTitle);
  } else builder.warn("métadonnées", "FRBRWork absent");
  const workflow = find(childrenOf(meta), "workflow");
  if (workflow) {
    childrenOf(workflow)
      .filter((n) => tagOf(n) === "step")
      .forEach((step, index) => {
        const a = attrs(step);
        const description = [a["date"], a["refersTo"], a["outcome"], a["by"]].filter(Boolean).join(" ");
        builder.setMetadata(`workflow-${index + 1}`, description);
        const outcome = (a["outcome"] ?? "").replace(/^#/, "").toLowerCase();
        if (/rejet|rejete/.test(outcome)) builder.noticeOutcome("Le Sénat a rejeté le texte.");
      });
  }
}

function headingParts(node: OrderedNode): { num: string; heading: string } {
  const children = childrenOf(node);
  return {
    num: clean(textOf(find(children, "num") ?? { "#text": "" })),
    heading: clean(textOf(find(children, "heading") ?? { "#text": "" })),
  };
}

function walkStructure(nodes: OrderedNode[], builder: TextBuilder): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "#text" || IGNORED.has(tag) || tag === "num" || tag === "heading" || tag === "subheading") continue;
    const kind = DIVISION_ELEMENTS[tag];
    if (kind) {
      const { num, heading } = headingParts(node);
      const number =
        num.replace(/^(tome|partie|livre|titre|chapitre|section|sous-section|paragraphe)\s+/i, "") || attrs(node)["eId"] || "?";
      const markers = parseMarkers(`${num} ${heading}`);
      builder.division(kind, number, heading ? heading.replace(/\([^()]*\)/g, "").trim() || null : null, markers);
      walkStructure(childrenOf(node), builder);
      continue;
    }
    if (tag === "article") {
      readArticle(node, builder);
      continue;
    }
    builder.warn(`élément ${tag}`, `élément AKN non interprété <${tag}> hors article : texte ignoré`);
  }
}

function readArticle(node: OrderedNode, builder: TextBuilder): void {
  const { num, heading } = headingParts(node);
  const a = attrs(node);
  const title = /^article/i.test(num) ? num : `Article ${num}`;
  builder.articleHeading(`${title}${heading ? ` ${heading}` : ""}`, a["eId"] ?? title);
  const status = (a["status"] ?? "").toLowerCase();
  if (status === "removed" || status === "repealed") builder.markerLine("(Supprimé)");
  else if (status === "omissis") builder.markerLine("(Non modifié)");
  collectAlineas(childrenOf(node), builder, a["eId"] ?? title, true);
}

/** Emits one alinéa per `p` (or table), prefixing a paragraph's `num` ("I.") to its first `p`. */
function collectAlineas(nodes: OrderedNode[], builder: TextBuilder, place: string, top: boolean, pendingNum = ""): string {
  let prefix = pendingNum;
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "#text") {
      const text = clean(textValue(node["#text"]));
      if (text && !top) {
        builder.alinea(`${prefix}${text}`);
        prefix = "";
      }
      continue;
    }
    if (IGNORED.has(tag) || (top && (tag === "num" || tag === "heading" || tag === "subheading"))) continue;
    if (tag === "num") {
      prefix = `${clean(textOf(node))} `;
      continue;
    }
    if (tag === "p" || tag === "heading" || tag === "subheading" || tag === "docTitle") {
      const text = clean(textOf(node));
      if (text) {
        if (!builder.markerLine(text)) builder.alinea(`${prefix}${text}`);
        prefix = "";
      }
      continue;
    }
    if (tag === "table") {
      const rows = childrenOf(node)
        .filter((r) => tagOf(r) === "tr")
        .map((r) =>
          childrenOf(r)
            .filter((c) => ["td", "th"].includes(tagOf(c)))
            .map((c) => clean(textOf(c)))
            .join(" | "),
        );
      builder.alinea(rows.join("\n"), { table: true });
      continue;
    }
    if (!ARTICLE_CONTAINERS.has(tag)) builder.warn(place, `élément AKN non interprété <${tag}> dans l'article : lu comme du texte`);
    prefix = collectAlineas(childrenOf(node), builder, place, false, prefix);
  }
  return prefix;
}

function readAnnexes(attachments: OrderedNode, builder: TextBuilder): void {
  for (const attachment of childrenOf(attachments)) {
    if (tagOf(attachment) !== "attachment") continue;
    const doc = childrenOf(attachment).find((n) => ["doc", "bill", "act"].includes(tagOf(n)));
    if (!doc) continue;
    const children = childrenOf(doc);
    const preface = find(children, "preface");
    const docTitle = preface ? clean(textOf(preface)) : "";
    builder.startAnnex(docTitle || `Annexe${attrs(doc)["name"] ? ` ${attrs(doc)["name"]}` : ""}`);
    const body = find(children, "mainBody") ?? find(children, "body");
    if (body) collectAlineas(childrenOf(body), builder, "annexe", false);
  }
}

/** A text node's value as parsed (a string, or a number fast-xml-parser read as one). */
function textValue(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}
