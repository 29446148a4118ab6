import { describe, expect, it } from "vitest";
import { extractCitations } from "../../src/domain/tagging/citations.js";
import { compileRules, RulesError } from "../../src/domain/tagging/rules.js";
import { amendmentParagraphs, tagText } from "../../src/domain/tagging/tagger.js";
import { loadRules } from "../../src/importer/rules.js";

const al = (...texts: string[]) => texts.map((text, i) => ({ number: i + 1, text }));

describe("code citations", () => {
  it("normalises citations with codes named in full, abbreviated, by « même code » or by context", () => {
    const citations = extractCitations(
      al(
        "I. – Le code de la sécurité intérieure est ainsi modifié :",
        "1° L’article L. 851‑3 est ainsi modifié ; 2° Après l'article L. 851-7, il est inséré un article L. 851‑8 ainsi rédigé :",
        "II. – Au 3° du I de l’article L. 34-1 du code des postes et des communications électroniques et aux articles 706-102-1 et 706‑102‑2 du code de procédure pénale, ainsi qu'à l'article 100 du même code,",
        "l'article 10 de la loi n° 2023-380 du 19 mai 2023 et l’article L. 811-3 du CSI.",
      ),
    );
    expect(citations.map((c) => `${c.alinea} ${c.code} ${c.article}`)).toEqual([
      "2 CSI L. 851-3",
      "2 CSI L. 851-7",
      "2 CSI L. 851-8",
      "3 CPCE L. 34-1",
      "3 CPP 706-102-1",
      "3 CPP 706-102-2",
      "3 CPP 100",
      "4 LOI-2023-380 10",
      "4 CSI L. 811-3",
    ]);
  });

  it("tells a reference that names something from a citation the text acts on", () => {
    const [reference, acted] = extractCitations(
      al(
        "Les opérateurs mentionnés à l’article L. 851-1 du code de la sécurité intérieure.",
        "L'article L. 851-3 du code de la sécurité intérieure est abrogé.",
      ),
    );
    expect(reference).toMatchObject({ article: "L. 851-1", reference: true });
    expect(acted).toMatchObject({ article: "L. 851-3", reference: false });
  });

  it("gives an article the text creates the code named earlier in the same alinéa", () => {
    const citations = extractCitations(
      al("Le chapitre Ier du titre V du livre VIII du code de la sécurité intérieure est complété par un article L. 851-8 ainsi rédigé :"),
    );
    expect(citations.map((c) => `${c.code} ${c.article} ${c.reference}`)).toEqual(["CSI L. 851-8 false"]);
    const inserted = extractCitations(
      al("Après l'article 706-102-1 du code de procédure pénale, il est inséré un article 706-102-1-1 ainsi rédigé :"),
    );
    expect(inserted.map((c) => `${c.code} ${c.article}`)).toEqual(["CPP 706-102-1", "CPP 706-102-1-1"]);
  });

  it("ignores the bill's own articles", () => {
    expect(extractCitations(al("Le présent article entre en vigueur en même temps que l'article 3."))).toEqual([]);
  });
});

describe("tagging", () => {
  const rules = loadRules();

  it("explains each tag: rule, words, alinéa, offsets in the original text", () => {
    const text = al("Sans objet.", "Les fournisseurs de messageries chiffrées donnent accès au contenu des correspondances.");
    const [match] = tagText(text, rules).filter((m) => m.theme === "chiffrement");
    const at = text[1]!.text.indexOf("messageries chiffrées");
    expect(match!.evidence[0]).toEqual({
      rule: "terme « messagerie* chiffree* »",
      term: "messageries chiffrées",
      alinea: 2,
      start: at,
      end: at + "messageries chiffrées".length,
    });
  });

  it("tags on code articles, with wildcards", () => {
    const sentence = "L’article L. 851-3 du code de la sécurité intérieure est ainsi modifié.";
    const tags = tagText(al(sentence), rules);
    expect(tags.map((t) => t.theme).sort()).toEqual(["algorithmes", "donnees-connexion", "renseignement"]);
    const at = sentence.indexOf("L. 851-3");
    expect(tags.find((t) => t.theme === "algorithmes")!.evidence).toEqual([
      { rule: "code CSI L. 851-3", term: "article L. 851-3 du code de la sécurité intérieure", alinea: 1, start: at, end: at + 8 },
    ]);
  });

  it("honours exceptions in the same sentence only", () => {
    expect(tagText(al("Le chiffre d'affaires des fournisseurs de messageries est publié."), rules)).toEqual([]);
    const two = tagText(al("Le chiffre d'affaires est publié. Les messageries chiffrées sont visées."), rules);
    expect(two.map((t) => t.theme)).toEqual(["chiffrement"]);
  });

  it("counts a weak term only with a context word in the same sentence, and says which", () => {
    const rules2 = compileRules({
      themes: [{ id: "drones", selon_contexte: [{ termes: ["drone*"], avec: ["camera*"], sauf: ["epandage"] }] }],
    });
    expect(tagText(al("Les drones d'épandage traitent les vignes. Des caméras filment la rue."), rules2)).toEqual([]);
    expect(tagText(al("Les drones équipés de caméras d'épandage."), rules2)).toEqual([]);
    const [match] = tagText(al("Les drones sont équipés de caméras."), rules2);
    expect(match!.evidence.map((e) => [e.rule, e.term])).toEqual([
      ["terme « drone* » avec « camera* »", "drones"],
      ["terme « drone* » avec « camera* »", "caméras"],
    ]);
  });

  it("reads an amendment's exposé for its purpose, not for passing mentions", () => {
    const rules2 = compileRules({ themes: [{ id: "drones", termes: ["drone*"] }] });
    const passing = amendmentParagraphs(
      "Supprimer l'alinéa 3.",
      "Cet amendement simplifie la procédure.\nIl rappelle le droit.\nLes drones, caméras et fichiers se multiplient.",
    );
    expect(tagText(passing, rules2)).toEqual([]);
    const purpose = amendmentParagraphs("Supprimer l'alinéa 3.", "Cet amendement supprime le recours aux drones.");
    expect(tagText(purpose, rules2).map((t) => t.theme)).toEqual(["drones"]);
    const repeated = amendmentParagraphs("Supprimer l'alinéa 3.", "Un.\nDeux.\nLes drones filment.\nTrois.\nCes drones coûtent cher.");
    expect(tagText(repeated, rules2).map((t) => t.theme)).toEqual(["drones"]);
    const video = compileRules({
      themes: [
        {
          id: "video",
          termes: ["videoprotection"],
          selon_contexte: [{ termes: ["algorithme*", "traitement des images"], avec: ["camera*"] }],
        },
      ],
    });
    const late = (last: string) => amendmentParagraphs("Supprimer cet article.", `Un.\nDeux.\nLa vidéoprotection s'étend.\n${last}`);
    expect(tagText(late("Un algorithme trie les demandes."), video)).toEqual([]);
    const [taken] = tagText(late("Le traitement des images sera automatique."), video);
    expect(taken!.evidence.map((e) => [e.rule, e.term])).toEqual([
      ["terme « videoprotection »", "vidéoprotection"],
      ["terme « traitement des images », repris", "traitement des images"],
    ]);
    const always = compileRules({ themes: [{ id: "drones", termes: ["drone*"], expose: "oui" }] });
    expect(tagText(passing, always).map((t) => t.theme)).toEqual(["drones"]);
    const never = compileRules({ themes: [{ id: "drones", termes: ["drone*"], expose: "non" }] });
    expect(tagText(purpose, never)).toEqual([]);
  });

  it("lists each place of the text once in the evidence", () => {
    const [match] = tagText(
      al("Les fournisseurs de messageries et de communications chiffrent les messages."),
      compileRules({
        themes: [{ id: "c", selon_contexte: [{ termes: ["chiffr*", "fournisseur*"], avec: ["message*", "messagerie*"] }] }],
      }),
    );
    const places = match!.evidence.map((e) => `${e.start}-${e.end}`);
    expect(places).toEqual([...new Set(places)]);
  });
});

describe("rules file", () => {
  it("says clearly what is wrong in a rules file", () => {
    expect(() => compileRules({ themes: [{ id: "Bad Id", termes: ["x"] }] })).toThrow(/thème n° 1 : « id » manquant ou invalide/);
    expect(() =>
      compileRules({
        themes: [
          { id: "a", termes: ["x"] },
          { id: "a", termes: ["y"] },
        ],
      }),
    ).toThrow(/thème « a » défini deux fois/);
    expect(() => compileRules({ themes: [{ id: "a" }] })).toThrow(RulesError);
    expect(() => compileRules({ themes: [{ id: "a", ensemble: [["seul"]] }] })).toThrow(/thème « a » : clé inconnue « ensemble »/);
    expect(() => compileRules({ themes: [{ id: "a", selon_contexte: [{ termes: ["x"] }] }] })).toThrow(
      /il faut des « termes » et des mots « avec »/,
    );
    expect(() => compileRules({ themes: [{ id: "a", termes: ["x"], expose: "parfois" }] })).toThrow(/« principal », « oui » ou « non »/);
    expect(() => compileRules({ themes: [{ id: "a", codes: ["CSI"] }] })).toThrow(/il faut un code et un article/);
    expect(() => compileRules("texte")).toThrow(/vide ou n'est pas une liste/);
  });
});
