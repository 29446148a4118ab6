/**
 * Reference texts of the format tests (fictional): a committee text that prints every marker a
 * text can carry (ranges, « (Non modifié) », « (Supprimé) », « (Censuré) », « (Conformes) »,
 * annexes), whatever the step — so it is not a consistent navette; the demo's texts are in
 * scripts/demo-navette.ts.
 */
import type { BillSpec } from "./text-formats.js";

export const REFERENCE_COMMITTEE_TEXT: BillSpec = {
  title: "Proposition de loi relative à la sécurité des communications (démonstration, données fictives)",
  nature: "ppl",
  number: 9943,
  legislature: 17,
  session: 2024,
  role: "commission",
  items: [
    { division: "titre", number: "Ier", heading: "Dispositions relatives au renseignement" },
    { division: "chapitre", number: "Ier", heading: "Partage d'informations" },
    {
      article: "Article 1er",
      alineas: [
        "Le code de la sécurité intérieure est ainsi modifié :",
        "1° À l'article L. 863-2, les mots : « après autorisation préalable » sont supprimés ;",
        "2° Après le même article L. 863-2, il est inséré un article L. 863-3 ainsi rédigé :",
        "« Art. L. 863-3. – Les services de renseignement peuvent partager les informations utiles à l'accomplissement de leurs missions. »",
      ],
    },
    {
      article: "Article 2",
      markerLine: "(Non modifié)",
      alineas: ["Le dernier alinéa de l'article 706-25-2 du code de procédure pénale est supprimé."],
    },
    {
      article: "Article 8",
      alineas: [
        "I. – L'article L. 851-3 du code de la sécurité intérieure est ainsi modifié :",
        "1° Au premier alinéa du I, après le mot : « terroriste », sont insérés les mots : « et à la criminalité organisée » ;",
        "II et III. – (Non modifiés)",
        "IV. – Le présent article entre en vigueur le 1er janvier 2026.",
      ],
    },
    {
      article: "Article 8 bis",
      headingMarker: "(nouveau)",
      alineas: ["Le Gouvernement remet au Parlement un rapport sur l'usage des algorithmes de détection."],
    },
    { article: "Article 8 ter", markerLine: "(Supprimé)", alineas: [] },
    { division: "chapitre", number: "II", heading: "Techniques spéciales d'enquête" },
    { article: "Articles 9 et 10", markerLine: "(Supprimés)", alineas: [] },
    {
      article: "Article 15 ter",
      markerLine: "(Supprimé)",
      alineas: [],
    },
    { article: "Article 16", markerLine: "(Censuré)", alineas: [] },
    { division: "titre", number: "II", heading: "Dispositions diverses" },
    { article: "Articles 19 à 24", markerLine: "(Conformes)", alineas: [] },
    {
      article: "Article 25",
      alineas: [
        "Le tableau du second alinéa de l'article L. 285-1 du code de la sécurité intérieure est ainsi rédigé :",
        "I. – (Supprimé)",
        "Les articles L. 851-3 et L. 853-2 sont applicables en Nouvelle-Calédonie.",
      ],
    },
    {
      annex: "Rapport sur les moyens des services de renseignement",
      alineas: ["Les moyens des services sont renforcés.", "Un contrôle indépendant est organisé."],
    },
  ],
};

/** A text that the chamber rejected: no article, only the outcome sentence. */
export const REJECTED_TEXT: BillSpec = {
  title: "Proposition de loi rejetée (démonstration)",
  nature: "ppl",
  number: 9950,
  legislature: 17,
  session: 2024,
  role: "adopte",
  items: [{ sentence: "Le Sénat n'a pas adopté la proposition de loi dont la teneur suit." }],
};

/** The CMP failure notice. */
export const CMP_FAILURE_TEXT: BillSpec = {
  title: "Commission mixte paritaire (démonstration)",
  nature: "ppl",
  number: 9951,
  legislature: 17,
  session: 2024,
  role: "commission",
  items: [{ sentence: "La commission mixte paritaire n'est pas parvenue à l'adoption d'un texte commun." }],
};

/** A Sénat tabled text, the base the reference committee text is compared with. */
export const REFERENCE_SENAT_TEXT: BillSpec = {
  title: "Proposition de loi relative à la sécurité des communications (démonstration, données fictives)",
  nature: "ppl",
  number: 999,
  legislature: 17,
  session: 2024,
  role: "depose",
  items: [
    { division: "titre", number: "Ier", heading: "Dispositions relatives au renseignement" },
    { division: "chapitre", number: "Ier", heading: "Partage d'informations" },
    {
      article: "Article 1er",
      alineas: [
        "Le code de la sécurité intérieure est ainsi modifié :",
        "1° À l'article L. 863-2, les mots : « après autorisation préalable » sont supprimés ;",
      ],
    },
    { article: "Article 2", alineas: ["Le dernier alinéa de l'article 706-25-2 du code de procédure pénale est supprimé."] },
    {
      article: "Article 8",
      alineas: [
        "I. – L'article L. 851-3 du code de la sécurité intérieure est ainsi modifié :",
        "1° Au premier alinéa du I, après le mot : « terroriste », sont insérés les mots : « et à la délinquance et la criminalité organisées » ;",
        "II. – Le II du même article est abrogé.",
        "III. – Le dernier alinéa du même article est supprimé.",
        "IV. – Le présent article entre en vigueur le 1er janvier 2026.",
      ],
    },
    {
      article: "Article 8 ter",
      alineas: [
        "Le chapitre Ier du titre V du livre VIII du code de la sécurité intérieure est complété par un article L. 851-8 ainsi rédigé :",
        "« Art. L. 851-8. – Les fournisseurs de services de communications électroniques chiffrées sont tenus de mettre en œuvre les dispositifs techniques permettant l'accès au contenu intelligible des correspondances, sans pouvoir opposer le chiffrement. »",
      ],
    },
    { division: "chapitre", number: "II", heading: "Techniques spéciales d'enquête" },
    {
      article: "Article 9",
      alineas: ["Le code de procédure pénale est ainsi modifié :", "1° L'article 706-95-1 est complété par un alinéa ainsi rédigé."],
    },
    { article: "Article 10", alineas: ["L'article 230-32 du code de procédure pénale est ainsi modifié."] },
    {
      article: "Article 15 ter",
      alineas: [
        "Après l'article 706-102-1 du code de procédure pénale, il est inséré un article 706-102-1-1 ainsi rédigé :",
        "« Art. 706-102-1-1. – Le juge peut autoriser l'activation à distance d'un appareil électronique afin de procéder à la captation de sons et d'images. »",
      ],
    },
    {
      article: "Article 16",
      alineas: ["Après l'article 230-40 du code de procédure pénale, il est inséré un article 230-40-1 relatif au procès-verbal distinct."],
    },
    { division: "titre", number: "II", heading: "Dispositions diverses" },
    ...["19", "20", "21", "22", "23", "24"].map((n) => ({ article: `Article ${n}`, alineas: [`Disposition de coordination n° ${n}.`] })),
    {
      article: "Article 25",
      alineas: [
        "Le tableau du second alinéa de l'article L. 285-1 du code de la sécurité intérieure est ainsi rédigé :",
        "I. – Les mots : « outre-mer » sont supprimés.",
        "Les articles L. 851-3 et L. 853-2 sont applicables en Nouvelle-Calédonie.",
      ],
    },
  ],
};
