/**
 * Windows-1252: the Sénat's jeux complets and pages that say ISO-8859-1 hold typographic quotes,
 * dashes, « œ » and « € » in bytes 0x80–0x9F, which Latin-1 would turn into control characters.
 */
import { describe, expect, it } from "vitest";
import { decodeDocument } from "../../ingest/document.js";
import { parseSenatAmendmentsCsv } from "../../ingest/senat/amendements-csv.js";
import { renderJeuComplet } from "../../scripts/senat-format.js";

describe("Windows-1252 text", () => {
  it("reads quotes, dashes, œ and € in a document that says ISO-8859-1, as browsers do", () => {
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>l', "latin1"),
      Buffer.from([0x92, 0x9c]),
      Buffer.from("uvre ", "latin1"),
      Buffer.from([0x96]),
      Buffer.from(" 10 ", "latin1"),
      Buffer.from([0x80]),
      Buffer.from(" pour l'\xe9t\xe9</a>", "latin1"),
    ]);
    expect(decodeDocument(bytes, "a.xml")).toContain("<a>l’œuvre – 10 € pour l'été</a>");
  });

  it("reads them in a Sénat jeu complet", () => {
    const csv = renderJeuComplet("2024-2025", "256", [
      {
        numero: "40",
        subdivision: "Article 1er",
        auteur: "Le Gouvernement",
        date: "2025-01-24",
        dispositif: "<p>« Art. 706-102-1-1. – L’activation à distance d’un appareil. »</p>",
        objet: "<p>Œuvre utile.</p>",
        sort: "Adopté",
      },
    ]);
    expect(csv.includes(0x96) && csv.includes(0x92)).toBe(true);
    const [amendment] = parseSenatAmendmentsCsv(csv, "jeu_complet_2024-2025_256.csv").records;
    expect(amendment?.dispositifText).toContain("« Art. 706-102-1-1. – L’activation à distance d’un appareil. »");
  });
});
