/** Folding for matching: lower case, no accents, one apostrophe, hyphen and space, same length. */
import { describe, expect, it } from "vitest";
import { foldKeepingOffsets, SPECIAL } from "../../src/domain/tagging/fold.js";

describe("foldKeepingOffsets", () => {
  it("folds case, accents, apostrophes, dashes and spaces, character by character", () => {
    expect(foldKeepingOffsets("Vidéoprotection À L’ÉTÉ\u00a0— Œuvre\tç")).toBe("videoprotection a l'ete - œuvre c");
  });

  it("leaves plain lower-case ASCII as it is and upper-case ASCII lowered", () => {
    expect(foldKeepingOffsets("article L. 851-3 (2024) ; voir §")).toBe("article l. 851-3 (2024) ; voir §");
    expect(foldKeepingOffsets("CSI ET CPP")).toBe("csi et cpp");
  });

  it("keeps every offset: a character whose lower case is longer stays as it is", () => {
    for (const text of ["İstanbul et Ünal", "Œ𝔸é\n", "ﬁn ﬂux"]) expect(foldKeepingOffsets(text)).toHaveLength(text.length);
    expect(foldKeepingOffsets("İx")).toBe("ix");
    expect(foldKeepingOffsets("𝔸 É")).toBe("𝔸 e");
  });

  it("gives what folding each character on its own gives, on every character of a mixed text", () => {
    const reference = (text: string): string =>
      [...text].map((c) => SPECIAL[c] ?? ((b) => (b.length === c.length ? b : c))(c.normalize("NFD").charAt(0).toLowerCase())).join("");
    let text = "";
    for (let code = 0x09; code < 0x2100; code += 7) text += String.fromCodePoint(code);
    text += "« Vidéo » l’État — Œ 𝔸";
    expect(foldKeepingOffsets(text)).toBe(reference(text));
  });
});
