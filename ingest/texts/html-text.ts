/**
 * Bill texts published as HTML: the AN pages (current `/dyn/opendata/<UID>.html`, Word-generated
 * with `assnat*` classes and alinéa numbers as images; older `.asp` pages with centred bold
 * headings) and the Sénat pages (`/leg/<id>.html`). The page is parsed with htmlparser2 into a
 * DOM, flattened into paragraph and table blocks, and each block classified. Pure.
 */
import { parseDocument } from "htmlparser2";
import { isTag, isText, type AnyNode, type Element } from "domhandler";
import type { ParsedText } from "../../src/domain/bill-text.js";
import { looksLikeArticleHeading, parseArticleHeading } from "../../src/domain/article-heading.js";
import { TextBuilder, parseDivisionLine, parseSubdivisionLine } from "./builder.js";

/** One paragraph-level block of the page. */
export interface HtmlBlock {
  readonly kind: "p" | "table";
  readonly className: string;
  readonly centered: boolean;
  /** True when all the text is bold. */
  readonly bold: boolean;
  readonly hasImage: boolean;
  readonly text: string;
}

const SKIPPED_TAGS = new Set(["script", "style", "head", "noscript", "iframe", "object", "svg", "button", "select", "form", "nav"]);
const BLOCK_TAGS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt"]);
const BOLD_TAGS = new Set(["b", "strong"]);

function attr(element: Element, name: string): string {
  return element.attribs[name] ?? "";
}

function isCentered(element: Element): boolean {
  return (
    /^center$/i.test(attr(element, "align")) ||
    /text-align\s*:\s*center/i.test(attr(element, "style")) ||
    /assnat\d\w*(Num|Intit)/.test(attr(element, "class"))
  );
}

/** Footnote calls: `<a href="#_ftn1">`, `<sup>(1)</sup>`, Word's reference spans. */
function isFootnoteCall(element: Element): boolean {
  if (/Footnote|Endnote|NoteRef/i.test(attr(element, "class"))) return true;
  if (element.name === "a" && /^#_?(ftn|edn|footnote|endnote|sdfootnote)/i.test(attr(element, "href"))) return true;
  if (element.name === "sup") {
    const inner = textOf(element.children, { skipFootnotes: false }).trim();
    return /^\(?\*?\d+\)?$/.test(inner) && !/^(er|re|e|ème)$/.test(inner);
  }
  return false;
}

interface TextOptions {
  readonly skipFootnotes: boolean;
  /** Leave nested tables out (they become blocks of their own). */
  readonly skipTables?: boolean;
}

function textOf(nodes: readonly AnyNode[], options: TextOptions): string {
  let out = "";
  for (const node of nodes) {
    if (isText(node)) out += node.data;
    else if (isTag(node)) {
      if (SKIPPED_TAGS.has(node.name) || node.name === "img") continue;
      if (node.name === "br") {
        out += " ";
        continue;
      }
      if (options.skipFootnotes && isFootnoteCall(node)) continue;
      if (options.skipTables && node.name === "table") continue;
      out += textOf(node.children, options);
    }
  }
  return out;
}

/** True when every non-blank text node sits inside <b>/<strong>. */
function allBold(nodes: readonly AnyNode[], inBold = false): boolean {
  for (const node of nodes) {
    if (isText(node)) {
      if (!inBold && node.data.replace(/[\s\u00a0]/g, "") !== "") return false;
    } else if (isTag(node) && !SKIPPED_TAGS.has(node.name)) {
      if (!allBold(node.children, inBold || BOLD_TAGS.has(node.name))) return false;
    }
  }
  return true;
}

function containsImage(element: Element): boolean {
  return element.children.some((c) => isTag(c) && (c.name === "img" || containsImage(c)));
}

function clean(text: string): string {
  return text.replace(/[\u00a0\u202f\s]+/g, " ").trim();
}

/** Text of a table, cell by cell (" | ") and row by row (newline). */
function tableText(table: Element): string {
  const rows: string[] = [];
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (!isTag(child)) continue;
      if (child.name === "tr") {
        const cells = child.children.filter((c): c is Element => isTag(c) && (c.name === "td" || c.name === "th"));
        const line = cells.map((c) => clean(textOf(c.children, { skipFootnotes: true }))).join(" | ");
        if (line.replace(/[|\s]/g, "") !== "") rows.push(line);
      } else if (child.name !== "table") walk(child);
    }
  };
  walk(table);
  return rows.join("\n");
}

/** Tables inside an element, not counting tables nested in those tables. */
function descendantTables(element: Element): Element[] {
  const out: Element[] = [];
  for (const child of element.children) {
    if (!isTag(child)) continue;
    if (child.name === "table") out.push(child);
    else out.push(...descendantTables(child));
  }
  return out;
}

/** A table used for page layout holds article headings: its content must be read, not flattened. */
function isLayoutTable(table: Element): boolean {
  let found = false;
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (found || !isTag(child)) continue;
      if (
        BLOCK_TAGS.has(child.name) &&
        isCentered(child) &&
        looksLikeArticleHeading(clean(textOf(child.children, { skipFootnotes: true })))
      )
        found = true;
      else walk(child);
    }
  };
  walk(table);
  return found;
}

/** Flattens the page into blocks, in document order. */
export function htmlBlocks(html: string): { blocks: HtmlBlock[]; title: string | null } {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const blocks: HtmlBlock[] = [];
  let title: string | null = null;
  const visit = (nodes: readonly AnyNode[]): void => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      if (node.name === "title" && title === null) title = clean(textOf(node.children, { skipFootnotes: true })) || null;
      if (SKIPPED_TAGS.has(node.name)) continue;
      if (node.name === "table" && !isLayoutTable(node)) {
        const text = tableText(node);
        if (text) blocks.push({ kind: "table", className: attr(node, "class"), centered: false, bold: false, hasImage: false, text });
        continue;
      }
      if (BLOCK_TAGS.has(node.name)) {
        const text = clean(textOf(node.children, { skipFootnotes: true, skipTables: true }));
        if (text) {
          blocks.push({
            kind: "p",
            className: attr(node, "class"),
            centered: isCentered(node),
            bold: allBold(node.children),
            hasImage: containsImage(node),
            text,
          });
        }
        // A table nested in a paragraph (old AN pages put <p><center><table>) is read after it.
        const tables = descendantTables(node);
        if (tables.length) visit(tables);
        continue;
      }
      visit(node.children);
    }
  };
  visit(document.children);
  // Locate the title inside <head> too (visit skips head).
  if (title === null) {
    const find = (nodes: readonly AnyNode[]): void => {
      for (const node of nodes) {
        if (title !== null || !isTag(node)) continue;
        if (node.name === "title") title = clean(textOf(node.children, { skipFootnotes: true })) || null;
        else find(node.children);
      }
    };
    find(document.children);
  }
  return { blocks, title };
}

const DOTS = /^[.\s…·]+$/u;
const QUOTED = /^[«"“]/u;
const NOTE_CLASS = /assnat\w*(Endnote|Footnote)|MsoFootnote|MsoEndnote/i;
const ANNEX_LINE = /^(annexes?|rapport annex[ée])(\s|$|\s*[:–—-])/iu;

const LEGISLATURE_ORDINALS: Readonly<Record<string, number>> = {
  douzieme: 12,
  treizieme: 13,
  quatorzieme: 14,
  quinzieme: 15,
  seizieme: 16,
  dix_septieme: 17,
  dix_huitieme: 18,
};

/**
 * Reads what the cover page says: number ("N° 1056"), legislature ("QUINZIÈME LÉGISLATURE"),
 * Sénat session ("SESSION ORDINAIRE DE 2018-2019"), kind of bill and of text.
 */
function readPreamble(text: string, builder: TextBuilder): void {
  const folded = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const number = /^n\s*°\s*(\d{1,5})$/.exec(folded);
  if (number && !builder.hasMetadata("numero")) builder.setMetadata("numero", String(Number(number[1])));
  const legislature = /^([a-z-]+) legislature$/.exec(folded);
  if (legislature) {
    const value = LEGISLATURE_ORDINALS[(legislature[1] ?? "").replace(/-/g, "_")];
    if (value) builder.setMetadata("legislature", String(value));
  }
  const session = /^session (?:ordinaire|extraordinaire) de (\d{4})-(\d{4})$/.exec(folded);
  if (session) builder.setMetadata("session", session[1] ?? "");
  if (/^texte de la commission/.test(folded) || /^texte elabore par la commission/.test(folded)) builder.setMetadata("role", "commission");
  if (/^texte adopte/.test(folded)) builder.setMetadata("role", "adopte");
  if (/^projet de loi/.test(folded) && !builder.hasMetadata("nature")) builder.setMetadata("nature", "pjl");
  if (/^proposition de loi/.test(folded) && !builder.hasMetadata("nature")) builder.setMetadata("nature", "ppl");
}

/** Parses the HTML of a bill text into divisions, articles, alinéas and annexes. */
export function parseHtmlText(html: string, format: "an-html" | "senat-html"): ParsedText {
  const { blocks, title } = htmlBlocks(html);
  const builder = new TextBuilder(format);
  if (title) builder.setTitle(title);
  let annexPending = false;
  blocks.forEach((block, index) => {
    const place = `bloc ${index + 1}`;
    const text = block.text;
    if (NOTE_CLASS.test(block.className) || DOTS.test(text)) return;
    if (block.kind === "table") {
      if (builder.inArticle || builder.inAnnex) builder.alinea(text, { table: true });
      return;
    }
    const quoted = QUOTED.test(text);
    const classHeading = /assnat9ArticleNum/.test(block.className);
    const contentImage = builder.inArticle && block.hasImage && !classHeading;
    if (!quoted && !contentImage && (classHeading || (block.centered && parseArticleHeading(text) !== null))) {
      builder.articleHeading(text, place);
      annexPending = false;
      return;
    }
    if (!quoted && !contentImage && (block.centered || /assnat\d/.test(block.className))) {
      const division = parseDivisionLine(text);
      if (division && (!builder.inArticle || block.centered)) {
        builder.division(division.kind, division.number, null, division.markers);
        annexPending = false;
        return;
      }
      if (builder.started && ANNEX_LINE.test(text) && !builder.inAnnex) {
        builder.startAnnex(text);
        annexPending = true;
        return;
      }
      if (annexPending && builder.inAnnex) {
        builder.annexTitle(text);
        annexPending = false;
        return;
      }
      if (builder.markerLine(text)) return;
      const subdivision = block.centered ? parseSubdivisionLine(text) : null;
      if (subdivision) {
        builder.division("subdivision", subdivision.number, subdivision.heading);
        return;
      }
      if (builder.awaitingDivisionHeading && (block.bold || /Intit/.test(block.className))) {
        builder.divisionHeading(text);
        return;
      }
    }
    annexPending = false;
    if (builder.inArticle && builder.markerLine(text)) return;
    if (builder.inArticle || builder.inAnnex) builder.alinea(text);
    else {
      if (!builder.started) readPreamble(text, builder);
      builder.noticeOutcome(text);
    }
  });
  return builder.finish();
}
