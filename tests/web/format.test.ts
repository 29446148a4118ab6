/** French agreement of counts (Intl.PluralRules): the words pages and the CLI print. */
import { describe, expect, it } from "vitest";
import { outcomeCount, plural } from "../../views/format.js";

describe("plural and outcomeCount", () => {
  it("puts 0 and 1 in the singular, the rest in the plural, with French digit grouping", () => {
    expect([0, 1, 2, 1234].map((n) => plural(n, "amendement"))).toEqual([
      "0 amendement",
      "1 amendement",
      "2 amendements",
      `${(1234).toLocaleString("fr-FR")} amendements`,
    ]);
    expect(plural(2, "nouveau", "nouveaux")).toBe("2 nouveaux");
  });

  it("makes an outcome agree with its count", () => {
    expect(outcomeCount(1, "adopte")).toBe("1 adopté");
    expect(outcomeCount(4, "adopte")).toBe("4 adoptés");
    expect(outcomeCount(2, "non_soutenu")).toBe("2 non soutenus");
    expect(outcomeCount(3, "satisfait")).toBe("3 satisfaits ou sans objet");
    // Not every label takes an « s »: « en attente » stays as it is.
    expect(outcomeCount(3, "en_cours")).toBe("3 en attente");
  });
});
