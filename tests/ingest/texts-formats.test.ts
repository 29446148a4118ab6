/**
 * One text, four formats (AN current HTML, AN older HTML, Sénat HTML, Akoma Ntoso): each parses
 * to the same divisions, articles, markers and alinéas.
 */
import { describe, expect, it } from "vitest";
import type { ParsedText } from "../../src/domain/bill-text.js";
import { parseHtmlText } from "../../ingest/texts/html-text.js";
import { parseAknText } from "../../ingest/texts/akn.js";
import { SourceError } from "../../ingest/document.js";
import { CMP_FAILURE_TEXT, REFERENCE_COMMITTEE_TEXT, REJECTED_TEXT } from "../../scripts/reference-texts.js";
import { renderAkn, renderAnDynHtml, renderAnOldHtml, renderSenatHtml } from "../../scripts/text-formats.js";
import { REFERENCE_COMMITTEE_ARTICLES } from "../helpers/fixtures.js";

const FORMATS: Array<[string, (spec: typeof REFERENCE_COMMITTEE_TEXT) => ParsedText]> = [
  ["AN HTML (dyn/opendata)", (spec) => parseHtmlText(renderAnDynHtml(spec), "an-html")],
  ["AN HTML (ancien .asp)", (spec) => parseHtmlText(renderAnOldHtml(spec), "an-html")],
  ["Sénat HTML (/leg/)", (spec) => parseHtmlText(renderSenatHtml(spec), "senat-html")],
  ["Akoma Ntoso (alinea)", (spec) => parseAknText(renderAkn(spec, { signet: "ppl24-999" }), "t.akn.xml")],
  ["Akoma Ntoso (paragraph)", (spec) => parseAknText(renderAkn(spec, { signet: "ppl24-999", variant: "paragraph" }), "t.akn.xml")],
];

describe.each(FORMATS)("%s", (_name, parse) => {
  const text = parse(REFERENCE_COMMITTEE_TEXT);
  const article = (number: string) => text.articles.find((a) => a.number === number)!;

  it("finds every article in order, ranges and groups expanded", () => {
    expect(text.articles.map((a) => a.number)).toEqual(REFERENCE_COMMITTEE_ARTICLES);
    expect(text.articles.every((a) => !a.duplicate)).toBe(true);
  });

  it("reads the markers of each article", () => {
    expect(article("1er")).toMatchObject({ status: "texte", markers: [] });
    expect(article("2")).toMatchObject({ status: "non_modifie", markers: ["non_modifie"] });
    expect(article("8 bis")).toMatchObject({ status: "texte", markers: ["nouveau"] });
    expect(article("8 ter")).toMatchObject({ status: "supprime", alineas: [] });
    expect(article("9")).toMatchObject({ status: "supprime", group: ["9", "10"] });
    expect(article("16")).toMatchObject({ status: "censure" });
    expect(article("21")).toMatchObject({ status: "conforme", group: ["19", "20", "21", "22", "23", "24"] });
  });

  it("keeps alinéas in order, clean, with partial placeholders recognised", () => {
    expect(article("1er").alineas.map((a) => a.number)).toEqual([1, 2, 3, 4]);
    expect(article("1er").alineas[3]!.text).toBe(
      "« Art. L. 863-3. – Les services de renseignement peuvent partager les informations utiles à l'accomplissement de leurs missions. »",
    );
    const partial = article("8").alineas[2]!;
    expect(partial.text).toBe("II et III. – (Non modifiés)");
    expect(partial.placeholder).toEqual({ parts: ["II", "III"], range: false, marker: "non_modifie", rest: "" });
    expect(article("25").alineas[1]!.placeholder).toMatchObject({ parts: ["I"], marker: "supprime" });
    expect(article("2").alineas).toHaveLength(1);
  });

  it("nests divisions and attaches articles to them", () => {
    // Numbers are printed "Ier" or "IER" depending on the chamber: compared upper-cased.
    expect(text.divisions.map((d) => [d.kind, d.number.toUpperCase(), d.heading, d.parentId])).toEqual([
      ["titre", "IER", "Dispositions relatives au renseignement", null],
      ["chapitre", "IER", "Partage d'informations", "d1"],
      ["chapitre", "II", "Techniques spéciales d'enquête", "d1"],
      ["titre", "II", "Dispositions diverses", null],
    ]);
    expect(article("8").divisionId).toBe("d2");
    expect(article("25").divisionId).toBe("d4");
  });

  it("keeps the annex apart from the articles", () => {
    expect(text.annexes).toHaveLength(1);
    expect(text.annexes[0]!.title).toContain("Rapport sur les moyens des services de renseignement");
    expect(text.annexes[0]!.alineas.map((a) => a.text)).toEqual([
      "Les moyens des services sont renforcés.",
      "Un contrôle indépendant est organisé.",
    ]);
    expect(article("25").alineas.map((a) => a.text)).not.toContain("Les moyens des services sont renforcés.");
  });
});

describe("HTML specifics", () => {
  it("drops alinéa-number images, footnote calls and the exposé des motifs (AN current format)", () => {
    const text = parseHtmlText(renderAnDynHtml(REFERENCE_COMMITTEE_TEXT), "an-html");
    const all = text.articles.flatMap((a) => a.alineas.map((x) => x.text)).join("\n");
    expect(all).not.toMatch(/Mesdames|\(1\)|data:image/);
    expect(text.metadata).toMatchObject({ numero: "9943", legislature: "17", role: "commission", nature: "ppl" });
  });

  it("reads the Sénat cover page", () => {
    const text = parseHtmlText(renderSenatHtml(REFERENCE_COMMITTEE_TEXT), "senat-html");
    expect(text.metadata).toMatchObject({ numero: "9943", session: "2024", role: "commission" });
  });

  it("recognises rejection and CMP failure sentences", () => {
    for (const render of [renderAnOldHtml, renderSenatHtml, renderAnDynHtml]) {
      expect(parseHtmlText(render(REJECTED_TEXT), "senat-html").outcome).toBe("rejete");
      expect(parseHtmlText(render(CMP_FAILURE_TEXT), "an-html").outcome).toBe("cmp_echec");
    }
  });

  it("keeps both articles of a duplicated title, with a warning naming it", () => {
    const html = renderSenatHtml({
      ...REFERENCE_COMMITTEE_TEXT,
      items: [
        { article: "Article 56 bis", alineas: ["Premier."] },
        { article: "Article 56 bis", alineas: ["Second."] },
      ],
    });
    const text = parseHtmlText(html, "senat-html");
    expect(text.articles.map((a) => [a.number, a.duplicate, a.alineas[0]?.text])).toEqual([
      ["56 bis", false, "Premier."],
      ["56 bis", true, "Second."],
    ]);
    expect(text.warnings).toContainEqual({ place: "article 56 bis", message: expect.stringContaining("en double") });
  });

  it("survives unknown markup and scripts: their text is read, scripts are not", () => {
    const html = renderSenatHtml(REFERENCE_COMMITTEE_TEXT)
      .replace("Le dernier alinéa", "<blink><o:p>Le</o:p></blink> dernier alinéa")
      .replace("</body>", "<script>document.write('Article 99')</script></body>");
    const text = parseHtmlText(html, "senat-html");
    expect(text.articles.find((a) => a.number === "2")!.alineas[0]!.text).toMatch(/^Le dernier alinéa/);
    expect(text.articles.map((a) => a.number)).not.toContain("99");
  });

  it("warns, without failing, about a range it cannot expand alone", () => {
    const html = renderSenatHtml({
      ...REFERENCE_COMMITTEE_TEXT,
      items: [{ article: "Articles 35 bis A à 35 ter", markerLine: "(Supprimés)", alineas: [] }],
    });
    const text = parseHtmlText(html, "senat-html");
    expect(text.articles.map((a) => [a.number, a.openRange])).toEqual([
      ["35 bis A", { from: "35 bis A", to: "35 ter" }],
      ["35 ter", { from: "35 bis A", to: "35 ter" }],
    ]);
    expect(text.warnings[0]?.message).toContain("à compléter d'après la version précédente");
  });

  it("says when there is no article at all", () => {
    expect(parseHtmlText("<html><body><p>Rien</p></body></html>", "an-html").warnings).toEqual([
      { place: "texte", message: "aucun article trouvé" },
    ]);
  });
});

describe("Akoma Ntoso specifics", () => {
  const xml = renderAkn(REFERENCE_COMMITTEE_TEXT, { signet: "ppl24-999" });

  it("reads the Sénat's FRBR aliases and workflow", () => {
    const text = parseAknText(xml, "t.akn.xml");
    expect(text.metadata).toMatchObject({
      "signet-dossier-legislatif-senat": "ppl24-999",
      "url-senat": "https://www.senat.fr/leg/ppl24-9943.html",
      "intitule-court": REFERENCE_COMMITTEE_TEXT.title,
      numero: "9943",
      "workflow-1": "2024-11-20 #depot #depose #senat",
    });
    expect(text.title).toBe(REFERENCE_COMMITTEE_TEXT.title);
  });

  it("accepts a prefixed namespace and reports what it could not interpret", () => {
    const prefixed = xml
      .replace(
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">',
        '<akn:akomaNtoso xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">',
      )
      .replace("</akomaNtoso>", "</akn:akomaNtoso>")
      .replace(/<(\/?)(?!akn:)([a-zA-Z]+)([\s>/])/g, "<$1akn:$2$3")
      .replace('<akn:alinea eId="art_1__al_1">', '<akn:foo>inconnu</akn:foo><akn:alinea eId="art_1__al_1">');
    const text = parseAknText(prefixed, "p.akn.xml");
    expect(text.articles.map((a) => a.number)).toContain("8 ter");
    expect(text.warnings).toContainEqual({
      place: "art_1",
      message: "élément AKN non interprété <foo> dans l'article : lu comme du texte",
    });
    expect(text.articles[0]!.alineas[0]!.text).toBe("inconnu");
  });

  it("refuses what is not AKN, and malformed XML, with the file named", () => {
    expect(() => parseAknText("<html/>", "x.xml")).toThrowError(/pas un document Akoma Ntoso/);
    try {
      parseAknText("<akomaNtoso><bill>", "cassé.akn.xml");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SourceError);
      expect((error as SourceError).file).toBe("cassé.akn.xml");
    }
  });
});
