/**
 * Imported HTML (dispositif, exposé sommaire) made safe to display, and its plain text.
 */
import sanitizeHtml from "sanitize-html";
import { Parser } from "htmlparser2";
import { decodeHTML } from "entities";

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "sup",
    "sub",
    "span",
    "div",
    "blockquote",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "a",
  ],
  allowedAttributes: { a: ["href", "rel"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener nofollow" }) },
};

/** Returns HTML keeping only harmless formatting tags (no scripts, styles, event handlers or foreign URLs schemes). */
export function sanitizeImportedHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS).trim();
}

const BLOCK_TAGS = new Set(["p", "div", "br", "li", "tr", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table"]);

/**
 * Plain text of an HTML fragment: entities decoded, one line per block, spaces folded.
 * Script and style contents are dropped.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let current = "";
  let skipDepth = 0;
  const flush = (): void => {
    const line = current.replace(/[\s\u00a0]+/g, " ").trim();
    if (line) lines.push(line);
    current = "";
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "script" || name === "style") skipDepth++;
        else if (BLOCK_TAGS.has(name)) flush();
      },
      ontext(text) {
        if (skipDepth === 0) current += text;
      },
      onclosetag(name) {
        if (name === "script" || name === "style") skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK_TAGS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return lines.join("\n");
}

/** Decodes HTML entities in a short label ("M.&#160;L&#233;aument" → "M. Léaument") and folds spaces. */
export function decodeLabel(value: string): string {
  return decodeHTML(value)
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}
