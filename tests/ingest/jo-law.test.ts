/**
 * The law as the Journal officiel publishes it, written in Légifrance's frame by scripts/jo-format.ts.
 */
import { describe, expect, it } from "vitest";
import { lawUid, parseJoLaw } from "../../ingest/texts/jo-law.js";
import { renderJoLaw } from "../../scripts/jo-format.js";
import { DEMO_LAW } from "../../scripts/demo-navette.js";
import { SourceError } from "../../ingest/document.js";

describe("a law page of the Journal officiel", () => {
  it("gives the law's number and its articles in their final numbering, a censured one printed by number only", () => {
    const { number, parsed } = parseJoLaw(renderJoLaw(DEMO_LAW), "JORFTEXT000099999999.html");
    expect(number).toBe("2025-999");
    expect(lawUid(number)).toBe("LOI-2025-999");
    expect(parsed.format).toBe("jo-html");
    expect(parsed.title).toBe("LOI n° 2025-999 du 20 mai 2025 relative à la sécurité des communications");
    expect(parsed.articles.map((a) => a.number)).toEqual(["1er", ...Array.from({ length: 27 }, (_, i) => String(i + 2))]);
    const censured = parsed.articles.find((a) => a.number === "10")!;
    expect(censured).toMatchObject({ status: "censure", alineas: [] });
    expect(parsed.articles.find((a) => a.number === "18")!.alineas[1]!.text).toContain("captation de sons, pour une durée");
    // Titles and chapters, not the visas, the closing formula or the signatures.
    expect(parsed.divisions.map((d) => `${d.kind} ${d.number}`)).toEqual(["titre Ier", "chapitre Ier", "chapitre II", "titre II"]);
    expect(parsed.articles.flatMap((a) => a.alineas.map((x) => x.text)).join("\n")).not.toMatch(
      /exécutée comme loi|Vu la décision|Fait à Paris/,
    );
    expect(parsed.warnings).toEqual([]);
  });

  it("refuses another page, and a law without its enacting formula, naming the file", () => {
    expect(() => parseJoLaw("<html><body><p>Accueil</p></body></html>", "accueil.html")).toThrow(SourceError);
    const truncated = renderJoLaw(DEMO_LAW).replace("Le Président de la République promulgue la loi dont la teneur suit :", "");
    expect(() => parseJoLaw(truncated, "loi.html")).toThrow(/formule de promulgation .* introuvable/);
  });
});
