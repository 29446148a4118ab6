/**
 * Decision pages of the Conseil constitutionnel, written in the site's frame by scripts/cc-format.ts.
 */
import { describe, expect, it } from "vitest";
import { parseDecisionPage } from "../../ingest/conseil-constitutionnel/decision.js";
import { renderDecisionPage } from "../../scripts/cc-format.js";
import { DEMO_DECISION } from "../../scripts/demo-navette.js";
import { SourceError } from "../../ingest/document.js";

describe("a decision page of the Conseil constitutionnel", () => {
  it("gives the number, the date and the censures of the dispositif, not the grounds' quotations", () => {
    const { decision, unread } = parseDecisionPage(renderDecisionPage(DEMO_DECISION), "2025999DC.htm");
    expect(decision.number).toBe("2025-999 DC");
    expect(decision.date).toBe("2025-05-15");
    expect(decision.censures).toEqual([
      { kind: "article", article: "9 bis", wording: "l'article 9 bis" },
      {
        kind: "words",
        article: "15 ter",
        words: "et d'images",
        wording: "les mots « et d'images » figurant au second alinéa de l'article 15 ter",
      },
    ]);
    expect(unread).toEqual([]);
  });

  it("reads a single censure in a sentence, and none in a decision of full conformity", () => {
    const single = renderDecisionPage({
      ...DEMO_DECISION,
      dispositif: [
        ["L'article 3 de la loi relative à la sécurité des communications est contraire à la Constitution."],
        ["Le reste est conforme."],
      ],
    });
    expect(parseDecisionPage(single, "d.htm").decision.censures).toMatchObject([{ kind: "article", article: "3" }]);
    const conform = renderDecisionPage({
      ...DEMO_DECISION,
      dispositif: [["La loi relative à la sécurité des communications est conforme à la Constitution."], ["Cette décision sera publiée."]],
    });
    expect(parseDecisionPage(conform, "d.htm").decision.censures).toEqual([]);
    const notContrary = renderDecisionPage({
      ...DEMO_DECISION,
      dispositif: [["Sous la réserve énoncée au paragraphe 5, l'article 16 n'est pas contraire à la Constitution."]],
    });
    expect(parseDecisionPage(notContrary, "d.htm").decision.censures).toEqual([]);
  });

  it("refuses another page, and a decision without its dispositif, naming the file", () => {
    expect(() => parseDecisionPage("<html><body><p>Accueil</p></body></html>", "accueil.htm")).toThrow(SourceError);
    expect(() => parseDecisionPage("<html><body><p>Accueil</p></body></html>", "accueil.htm")).toThrow(/non reconnue/);
    const truncated = renderDecisionPage(DEMO_DECISION).split("LE CONSEIL CONSTITUTIONNEL DÉCIDE")[0]!;
    expect(() => parseDecisionPage(truncated, "2025999DC.htm")).toThrow(/dispositif .* introuvable/);
  });
});
