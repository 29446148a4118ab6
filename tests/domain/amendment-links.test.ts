/**
 * Attaching amendments to provisions by the text they were filed on, not by bare number (#16).
 */
import { describe, expect, it } from "vitest";
import { linkAmendments, type LinkableState } from "../../src/domain/navette/amendment-links.js";

// A bill renumbered at the end: the navette's « 1er A » became article 1er of the law, « 1er » became 2.
const states: LinkableState[] = [
  { provisionId: "1er A@AN1", textUid: "T-DEPOT", number: "1er A", status: "initial", causes: [] },
  { provisionId: "1er A@AN1", textUid: "T-COM", number: "1er A", status: "unchanged", causes: [] },
  { provisionId: "1er A@AN1", textUid: "T-LOI", number: "1er", status: "renumbered", causes: [] },
  { provisionId: "1er@AN1", textUid: "T-DEPOT", number: "1er", status: "initial", causes: [] },
  { provisionId: "1er@AN1", textUid: "T-COM", number: "1er", status: "modified", causes: ["A-MODIFIE"] },
  { provisionId: "1er@AN1", textUid: "T-LOI", number: "2", status: "renumbered", causes: [] },
  { provisionId: "2 bis@COM", textUid: "T-DEPOT", number: "2 bis", status: "absent", causes: [] },
  { provisionId: "2 bis@COM", textUid: "T-COM", number: "2 bis", status: "new", causes: ["A-CREE"] },
  { provisionId: "2 bis@COM", textUid: "T-LOI", number: "3", status: "renumbered", causes: [] },
];

describe("linkAmendments", () => {
  it("attaches an amendment to the article that bore its number in the text it was filed on", () => {
    const links = linkAmendments(
      [
        { uid: "A-SUR-1ER", textUid: "T-DEPOT", targetKind: "article", targetArticle: "1er" },
        { uid: "A-SUR-1ER-A", textUid: "T-COM", targetKind: "article", targetArticle: "1er A" },
      ],
      states,
    );
    // « 1er » in the deposited text is the provision that became article 2, not the law's article 1er.
    expect(links.get("A-SUR-1ER")).toEqual({ provisionId: "1er@AN1", kind: "article" });
    expect(links.get("A-SUR-1ER-A")).toEqual({ provisionId: "1er A@AN1", kind: "article" });
  });

  it("attaches an adopted additional article to the provision it created, and a rejected one next to its reference article", () => {
    const links = linkAmendments(
      [
        { uid: "A-CREE", textUid: "T-DEPOT", targetKind: "article_additionnel", targetArticle: "2" },
        { uid: "A-REJETE", textUid: "T-DEPOT", targetKind: "article_additionnel", targetArticle: "1er A" },
        { uid: "A-MODIFIE", textUid: "T-DEPOT", targetKind: "article", targetArticle: "1er" },
      ],
      states,
    );
    expect(links.get("A-CREE")).toEqual({ provisionId: "2 bis@COM", kind: "cree" });
    expect(links.get("A-REJETE")).toEqual({ provisionId: "1er A@AN1", kind: "voisin" });
    expect(links.get("A-MODIFIE")).toEqual({ provisionId: "1er@AN1", kind: "article" });
  });

  it("uses a bare number only when one provision ever bore it, and leaves titles and unknown numbers unattached", () => {
    const links = linkAmendments(
      [
        { uid: "A-AUTRE-TEXTE-1ER", textUid: "T-INCONNU", targetKind: "article", targetArticle: "1er" },
        { uid: "A-AUTRE-TEXTE-1ER-A", textUid: "T-INCONNU", targetKind: "article", targetArticle: "1er A" },
        { uid: "A-TITRE", textUid: "T-DEPOT", targetKind: "titre", targetArticle: null },
        { uid: "A-99", textUid: "T-DEPOT", targetKind: "article", targetArticle: "99" },
      ],
      states,
    );
    // « 1er » named two provisions (the navette's 1er, then the law's 1er): ambiguous.
    expect(links.has("A-AUTRE-TEXTE-1ER")).toBe(false);
    expect(links.get("A-AUTRE-TEXTE-1ER-A")).toEqual({ provisionId: "1er A@AN1", kind: "article" });
    expect(links.has("A-TITRE")).toBe(false);
    expect(links.has("A-99")).toBe(false);
  });
});
