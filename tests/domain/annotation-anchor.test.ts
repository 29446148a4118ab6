import { describe, expect, it } from "vitest";
import { anchorAnnotation } from "../../src/domain/annotation-anchor.js";

const v1 = [
  { number: 1, text: "Le code est ainsi modifié :" },
  { number: 2, text: "Les opérateurs conservent les données de connexion pendant un an." },
];
const moved = [
  { number: 1, text: "Le code est ainsi modifié :" },
  { number: 2, text: "Un alinéa inséré." },
  { ...v1[1]!, number: 3 },
];
const changed = [
  { number: 1, text: "Le code est ainsi modifié :" },
  { number: 2, text: "Les opérateurs conservent les données pendant six mois." },
];

describe("anchorAnnotation", () => {
  it("keeps the alinéa on the version it was written on", () => {
    expect(anchorAnnotation({ stepKey: "A", alinea: 2, quote: "données" }, v1, v1, "A")).toEqual({ kind: "same-version", alinea: 2 });
  });
  it("finds a quoted passage that moved, whatever the case, spaces and apostrophes", () => {
    expect(anchorAnnotation({ stepKey: "A", alinea: 2, quote: "données  de CONNEXION" }, v1, moved, "B")).toEqual({
      kind: "anchored",
      alinea: 3,
    });
  });
  it("says the text changed when the quoted passage is gone", () => {
    expect(anchorAnnotation({ stepKey: "A", alinea: 2, quote: "données de connexion" }, v1, changed, "B")).toEqual({
      kind: "changed",
      writtenOn: "A",
    });
  });
  it("compares the whole article when no passage was quoted", () => {
    expect(
      anchorAnnotation(
        { stepKey: "A", alinea: null, quote: null },
        v1,
        v1.map((a) => ({ ...a })),
        "B",
      ),
    ).toEqual({ kind: "unchanged-article" });
    expect(anchorAnnotation({ stepKey: "A", alinea: null, quote: null }, v1, changed, "B")).toEqual({ kind: "changed", writtenOn: "A" });
    expect(anchorAnnotation({ stepKey: "A", alinea: null, quote: null }, v1, [], "B")).toEqual({ kind: "changed", writtenOn: "A" });
  });
});
