/**
 * « Modifié » means the words changed (#16): re-typing between steps does not count.
 * Cases are patterns seen in the peer's real texts (La Fabrique de la Loi, six bills).
 */
import { describe, expect, it } from "vitest";
import { sameSubstance } from "../../src/domain/navette/substance.js";

const version = (...texts: string[]) => texts.map((text) => ({ text }));

describe("sameSubstance", () => {
  it("ignores typography: capital accents, case, commas, spacing, quotes, « L. O. »", () => {
    expect(sameSubstance(version("À défaut de communication, elle peut"), version("A défaut de communication elle peut"))).toBe(true);
    expect(sameSubstance(version("le Président de l'État"), version("le président de l’Etat"))).toBe(true);
    expect(sameSubstance(version("à l'article L. O. 135"), version("à l'article LO 135"))).toBe(true);
    expect(sameSubstance(version("mettre en œuvre"), version("mettre en oeuvre"))).toBe(true);
  });

  it("ignores dropped placeholders, renumbered items and alinéas split differently", () => {
    expect(
      sameSubstance(
        version("Lorsqu'ils estiment :", "1° (Supprimé)", "2° Les membres des collèges ;", "3° Les personnes chargées"),
        version("Lorsqu'ils estiment :", "1° Les membres des collèges ;", "2° Les personnes chargées"),
      ),
    ).toBe(true);
    expect(
      sameSubstance(version("I. - (Supprimé)", "II. - L'article 11-7 est modifié :"), version("I. - L'article 11-7 est modifié :")),
    ).toBe(true);
    expect(sameSubstance(version("\"1° A Au profit d'un propriétaire ;"), version("\"1° Au profit d'un propriétaire ;"))).toBe(true);
    expect(sameSubstance(version("- en matière de santé ;"), version("1° En matière de santé ;"))).toBe(true);
    expect(
      sameSubstance(
        version("Les données sont conservées", "pendant trente jours."),
        version("Les données sont conservées pendant trente jours."),
      ),
    ).toBe(true);
  });

  it("sees every change of words or numbers in the text, and an item that starts with a capital word", () => {
    expect(sameSubstance(version("autorisation préalable du préfet"), version("autorisation du juge"))).toBe(false);
    expect(sameSubstance(version("pendant trente jours"), version("pendant six mois"))).toBe(false);
    expect(sameSubstance(version("au 5° du I de l'article L. 851-3"), version("au 6° du I de l'article L. 851-3"))).toBe(false);
    // « 5° A la demande » is item 5° followed by « A la demande », not an item « 5° A »: the A is a word.
    expect(sameSubstance(version("5° À la demande du Premier ministre"), version("5° A la demande du Premier ministre"))).toBe(true);
    expect(sameSubstance(version("5° A la demande du Premier ministre"), version("5° La demande du Premier ministre"))).toBe(false);
    expect(sameSubstance(version("5° Définir les dangers"), version("5° Éfinir les dangers"))).toBe(false);
    expect(sameSubstance(version("Le texte.", "Un alinéa ajouté."), version("Le texte."))).toBe(false);
  });
});
