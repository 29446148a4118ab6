/**
 * The demo bill's texts at every step of its navette (fictional, and labelled so): the Sénat's
 * tabled, committee and adopted texts, the text transmitted to the Assemblée, its committee and
 * séance texts, the CMP text and both chambers' readings of it. Each version is written from the
 * previous one and the decisions of its step, so that the navette is consistent: what changes is
 * what an amendment of the demo (or a committee rewrite) changed.
 *
 * The story it tells, as the 2025 Narcotrafic bill made it familiar:
 * - 8 ter, an encryption backdoor, added by the Sénat committee, deleted in the Assemblée
 *   committee (CL12, CL13), its re-establishment (101, sub-amendment 150) rejected in séance;
 * - 15 ter, remote activation of devices, added in Sénat séance, deleted in the Assemblée committee
 *   (CL21), re-established in séance by the Government (120);
 * - 16, the « dossier coffre » (a separate, secret report on surveillance techniques), rewritten
 *   in the Assemblée committee (CL23) and settled by the CMP;
 * - 9 bis, an additional article extending algorithmic video-surveillance (130), censured by the
 *   Conseil constitutionnel as unrelated to the bill (« cavalier »).
 */
import type { BillItem, BillSpec } from "./text-formats.js";
import type { DecisionSpec } from "./cc-format.js";
import type { LawSpec } from "./jo-format.js";

/** One article of a version. */
interface DemoArticle {
  readonly number: string;
  readonly alineas: readonly string[];
  /** "(nouveau)" in the heading, as committee texts print it. */
  readonly headingMarker?: string;
  /** "(Supprimé)", "(Non modifié)" on its own line. */
  readonly markerLine?: string;
}

/** Divisions printed before the article they open. */
const DIVISIONS: Readonly<Record<string, readonly BillItem[]>> = {
  "1er": [
    { division: "titre", number: "Ier", heading: "Dispositions relatives au renseignement et aux enquêtes" },
    { division: "chapitre", number: "Ier", heading: "Partage d'informations et techniques de renseignement" },
  ],
  "9": [{ division: "chapitre", number: "II", heading: "Techniques spéciales d'enquête" }],
  "17": [{ division: "titre", number: "II", heading: "Dispositions diverses" }],
};

const TITLE = "Proposition de loi relative à la sécurité des communications (démonstration, données fictives)";

function spec(meta: Pick<BillSpec, "number" | "session" | "legislature" | "role">, articles: readonly DemoArticle[]): BillSpec {
  const items: BillItem[] = [];
  for (const article of articles) {
    items.push(...(DIVISIONS[article.number] ?? []));
    items.push({
      article: article.number === "1er" ? "Article 1er" : `Article ${article.number}`,
      ...(article.headingMarker ? { headingMarker: article.headingMarker } : {}),
      ...(article.markerLine ? { markerLine: article.markerLine } : {}),
      alineas: article.alineas,
    });
  }
  return { title: TITLE, nature: "ppl", ...meta, items };
}

/** Replaces, inserts (after `after`) or drops articles of a version; the order follows the list given. */
function revise(
  base: readonly DemoArticle[],
  changes: { readonly replace?: readonly DemoArticle[]; readonly insert?: ReadonlyArray<readonly [after: string, DemoArticle]> },
): DemoArticle[] {
  const replaced = new Map((changes.replace ?? []).map((a) => [a.number, a]));
  const out: DemoArticle[] = [];
  for (const article of base) {
    out.push(replaced.get(article.number) ?? article);
    for (const [after, inserted] of changes.insert ?? []) if (after === article.number) out.push(inserted);
  }
  return out;
}

/** Drops the committee markers a chamber does not print in its adopted text. */
const asAdopted = (articles: readonly DemoArticle[]): DemoArticle[] =>
  articles.map(({ headingMarker: _marker, markerLine, ...article }) =>
    markerLine === undefined || markerLine === "(Non modifié)" ? article : { ...article, markerLine },
  );

const coordination = (n: string): DemoArticle => ({
  number: n,
  alineas: [
    `À l'article 706-73-${n === "19" ? "1" : "2"} du code de procédure pénale, la référence : « ${Number(n) - 10} » est remplacée par la référence : « ${Number(n) - 9} ».`,
  ],
});

const ARTICLE_8_TER: DemoArticle = {
  number: "8 ter",
  headingMarker: "(nouveau)",
  alineas: [
    "Le chapitre Ier du titre V du livre VIII du code de la sécurité intérieure est complété par un article L. 851-8 ainsi rédigé :",
    "« Art. L. 851-8. – Les fournisseurs de services de communications électroniques chiffrées sont tenus de mettre en œuvre les dispositifs techniques permettant l'accès au contenu intelligible des correspondances, sans pouvoir opposer le chiffrement.",
    "« Un décret en Conseil d'État, pris après avis de la Commission nationale de contrôle des techniques de renseignement, précise les modalités d'application du présent article. »",
  ],
};

const ARTICLE_15_TER_SENAT: DemoArticle = {
  number: "15 ter",
  alineas: [
    "Après l'article 706-102-1 du code de procédure pénale, il est inséré un article 706-102-1-1 ainsi rédigé :",
    "« Art. 706-102-1-1. – Le juge des libertés et de la détention peut autoriser l'activation à distance d'un appareil électronique, à l'insu ou sans le consentement de son propriétaire ou de son possesseur, aux seules fins de procéder à la captation de sons et d'images. »",
  ],
};

/** The text tabled in the Sénat (ppl24-999). */
const TABLED: readonly DemoArticle[] = [
  {
    number: "1er",
    alineas: [
      "Le code de la sécurité intérieure est ainsi modifié :",
      "1° À l'article L. 863-2, les mots : « après autorisation préalable » sont supprimés ;",
    ],
  },
  { number: "2", alineas: ["Le dernier alinéa de l'article 706-25-2 du code de procédure pénale est supprimé."] },
  {
    number: "3",
    alineas: [
      "À l'article L. 562-2 du code monétaire et financier, après le mot : « terrorisme », sont insérés les mots : « ou de trafic de stupéfiants ».",
    ],
  },
  {
    number: "4",
    alineas: [
      "L'article L. 561-2 du code monétaire et financier est complété par un 19° ainsi rédigé :",
      "« 19° Les loueurs de véhicules. »",
    ],
  },
  {
    number: "5",
    alineas: ["À l'article L. 5332-7 du code des transports, les mots : « deux ans » sont remplacés par les mots : « trois ans »."],
  },
  {
    number: "6",
    alineas: [
      "L'article 222-37 du code pénal est complété par un alinéa ainsi rédigé :",
      "« La tentative du délit prévu au présent article est punie des mêmes peines. »",
    ],
  },
  {
    number: "7",
    alineas: [
      "Après le 20° de l'article 706-73 du code de procédure pénale, il est inséré un 20° bis ainsi rédigé :",
      "« 20° bis Délit d'association de malfaiteurs en vue de la préparation d'un trafic de stupéfiants ; ».",
    ],
  },
  {
    number: "8",
    alineas: [
      "I. – L'article L. 851-3 du code de la sécurité intérieure est ainsi modifié :",
      "1° Au premier alinéa du I, après le mot : « terroriste », sont insérés les mots : « et à la criminalité organisée » ;",
      "2° Le II est abrogé.",
      "II. – Le présent article entre en vigueur le 1er janvier 2026.",
    ],
  },
  {
    number: "9",
    alineas: [
      "Le code de procédure pénale est ainsi modifié :",
      "1° L'article 706-95-1 est complété par un alinéa ainsi rédigé : « La durée de l'autorisation est d'un mois. »",
    ],
  },
  {
    number: "10",
    alineas: ["À l'article 230-32 du code de procédure pénale, les mots : « trois ans » sont remplacés par les mots : « deux ans »."],
  },
  {
    number: "11",
    alineas: [
      "Au premier alinéa de l'article 706-88 du code de procédure pénale, le mot : « quarante-huit » est remplacé par le mot : « soixante-douze ».",
    ],
  },
  {
    number: "12",
    alineas: [
      "Le code de procédure pénale est ainsi modifié :",
      "1° À l'article 706-81, après le mot : « infiltration », sont insérés les mots : « , y compris par voie numérique, » ;",
      "2° À l'article 706-82, les mots : « officier de police judiciaire » sont remplacés par les mots : « agent spécialement habilité ».",
    ],
  },
  {
    number: "13",
    alineas: [
      "Après l'article 706-105 du code de procédure pénale, il est inséré un article 706-105-1 ainsi rédigé :",
      "« Art. 706-105-1. – Les repentis bénéficient d'une protection adaptée à la gravité des faits qu'ils révèlent. »",
    ],
  },
  {
    number: "14",
    alineas: [
      "Le titre II du livre II du code pénitentiaire est complété par un article L. 224-5 relatif aux quartiers de lutte contre la criminalité organisée.",
    ],
  },
  {
    number: "15",
    alineas: [
      "À l'article 706-1-1 du code de procédure pénale, la référence : « 706-73-1 » est remplacée par la référence : « 706-73-2 ».",
    ],
  },
  {
    number: "16",
    alineas: [
      "Après l'article 230-40 du code de procédure pénale, il est inséré un article 230-40-1 ainsi rédigé :",
      "« Art. 230-40-1. – Les informations relatives à la mise en œuvre d'une technique spéciale d'enquête peuvent figurer dans un procès-verbal distinct, versé dans un dossier distinct auquel les parties n'ont pas accès. »",
    ],
  },
  { number: "17", alineas: ["L'article 60 du code des douanes est complété par les mots : « , y compris dans les conteneurs »."] },
  { number: "18", alineas: ["Le Gouvernement remet au Parlement, dans un délai d'un an, un rapport sur la lutte contre le blanchiment."] },
  ...["19", "20", "21", "22", "23", "24"].map(coordination),
  {
    number: "25",
    alineas: [
      "Le tableau du second alinéa de l'article L. 285-1 du code de la sécurité intérieure est ainsi rédigé :",
      "I. – Les mots : « outre-mer » sont supprimés.",
      "Les articles L. 851-3 et L. 853-2 sont applicables en Nouvelle-Calédonie.",
    ],
  },
];

const ARTICLE_16_SENAT: DemoArticle = {
  number: "16",
  alineas: [
    "Après l'article 230-40 du code de procédure pénale, il est inséré un article 230-40-1 ainsi rédigé :",
    "« Art. 230-40-1. – Les informations relatives à la mise en œuvre d'une technique spéciale d'enquête, dont la divulgation est de nature à mettre en danger la vie des personnes ou à révéler les modalités d'une technique, figurent dans un procès-verbal distinct, versé dans un dossier distinct auquel les parties n'ont pas accès. »",
  ],
};

/** The Sénat committee's text (ppl24-256): the backdoor (8 ter) and 15 bis are added, 16 widened. */
const SENATE_COMMITTEE: readonly DemoArticle[] = revise(TABLED, {
  replace: [ARTICLE_16_SENAT],
  insert: [
    ["8", ARTICLE_8_TER],
    [
      "15",
      {
        number: "15 bis",
        headingMarker: "(nouveau)",
        alineas: ["À l'article 706-96 du code de procédure pénale, les mots : « un mois » sont remplacés par les mots : « deux mois »."],
      },
    ],
  ],
});

/** The text adopted by the Sénat (tas24-059): remote activation (15 ter) is added in séance. */
const SENATE_ADOPTED: readonly DemoArticle[] = asAdopted(revise(SENATE_COMMITTEE, { insert: [["15 bis", ARTICLE_15_TER_SENAT]] }));

/** The Assemblée committee's text (n° 9943). */
const ASSEMBLY_COMMITTEE: readonly DemoArticle[] = revise(SENATE_ADOPTED, {
  replace: [
    { number: "2", markerLine: "(Non modifié)", alineas: [] },
    {
      number: "8",
      alineas: [
        "I. – L'article L. 851-3 du code de la sécurité intérieure est ainsi modifié :",
        "1° Au premier alinéa du I, après le mot : « terroriste », sont insérés les mots : « et à la criminalité organisée » ;",
        "2° Le II est abrogé ;",
        "3° Au dernier alinéa, après le mot : « renseignement », sont insérés les mots : « , après avis de la Commission nationale de contrôle des techniques de renseignement ».",
        "II. – Le présent article entre en vigueur le 1er janvier 2026.",
      ],
    },
    { number: "8 ter", markerLine: "(Supprimé)", alineas: [] },
    { number: "15 ter", markerLine: "(Supprimé)", alineas: [] },
    {
      number: "16",
      alineas: [
        "Après l'article 230-40 du code de procédure pénale, il est inséré un article 230-40-1 ainsi rédigé :",
        "« Art. 230-40-1. – Sur autorisation du juge des libertés et de la détention, les informations relatives à la mise en œuvre d'une technique spéciale d'enquête, dont la divulgation est de nature à mettre en danger la vie des personnes, figurent dans un procès-verbal distinct. La personne mise en examen peut contester cette décision devant la chambre de l'instruction. »",
      ],
    },
  ],
  insert: [
    [
      "8",
      {
        number: "8 bis",
        headingMarker: "(nouveau)",
        alineas: ["Le Gouvernement remet au Parlement, avant le 1er juillet 2026, un rapport sur l'usage des algorithmes de détection."],
      },
    ],
  ],
});

const ARTICLE_9_BIS: DemoArticle = {
  number: "9 bis",
  alineas: [
    "Au premier alinéa du I de l'article 10 de la loi n° 2023-380 du 19 mai 2023 relative aux jeux Olympiques et Paralympiques de 2024 et portant diverses autres dispositions, la date : « 31 mars 2025 » est remplacée par la date : « 31 décembre 2027 ».",
  ],
};

/** The text adopted by the Assemblée (TA n° 99): 15 ter re-established, 9 bis added, 8 ter still deleted. */
const ASSEMBLY_ADOPTED: readonly DemoArticle[] = asAdopted(
  revise(ASSEMBLY_COMMITTEE, {
    replace: [
      { ...(SENATE_ADOPTED.find((a) => a.number === "2") as DemoArticle) },
      {
        number: "15 ter",
        alineas: [
          "Après l'article 706-102-1 du code de procédure pénale, il est inséré un article 706-102-1-1 ainsi rédigé :",
          "« Art. 706-102-1-1. – Le juge des libertés et de la détention peut autoriser l'activation à distance d'un appareil électronique, à l'insu ou sans le consentement de son propriétaire ou de son possesseur, aux seules fins de procéder à la captation de sons et d'images, pour une durée d'un mois renouvelable une fois. »",
        ],
      },
    ],
    insert: [["9", ARTICLE_9_BIS]],
  }),
);

/** The CMP's text (n° 1010): only the articles still in discussion are printed. */
const CMP_ARTICLES: readonly DemoArticle[] = [
  ASSEMBLY_ADOPTED.find((a) => a.number === "8") as DemoArticle,
  { number: "8 bis", markerLine: "(Supprimé)", alineas: [] },
  { number: "8 ter", markerLine: "(Supprimé)", alineas: [] },
  ARTICLE_9_BIS,
  ASSEMBLY_ADOPTED.find((a) => a.number === "15 ter") as DemoArticle,
  {
    number: "16",
    alineas: [
      "Après l'article 230-40 du code de procédure pénale, il est inséré un article 230-40-1 ainsi rédigé :",
      "« Art. 230-40-1. – Sur autorisation du juge des libertés et de la détention, les informations relatives à la mise en œuvre d'une technique spéciale d'enquête, dont la divulgation est de nature à mettre en danger la vie des personnes, figurent dans un procès-verbal distinct. La personne mise en examen peut contester cette décision devant la chambre de l'instruction, qui statue dans un délai de quinze jours. »",
    ],
  },
];

/** The demo's texts, each with the uid its dossier gives it and the file it is published as. */
export const DEMO_TEXTS = {
  senateTabled: spec({ number: 999, session: 2024, legislature: 17, role: "depose" }, TABLED),
  senateCommittee: spec({ number: 256, session: 2024, legislature: 17, role: "commission" }, SENATE_COMMITTEE),
  senateAdopted: spec({ number: 59, session: 2024, legislature: 17, role: "adopte" }, SENATE_ADOPTED),
  assemblyTabled: spec({ number: 9907, session: 2024, legislature: 17, role: "depose" }, SENATE_ADOPTED),
  assemblyCommittee: spec({ number: 9943, session: 2024, legislature: 17, role: "commission" }, ASSEMBLY_COMMITTEE),
  assemblyAdopted: spec({ number: 99, session: 2024, legislature: 17, role: "adopte" }, ASSEMBLY_ADOPTED),
  cmp: spec({ number: 1010, session: 2024, legislature: 17, role: "commission" }, CMP_ARTICLES),
  cmpAssembly: spec({ number: 110, session: 2024, legislature: 17, role: "adopte" }, CMP_ARTICLES),
  cmpSenate: spec({ number: 80, session: 2024, legislature: 17, role: "adopte" }, CMP_ARTICLES),
} as const satisfies Record<string, BillSpec>;

/** Every article number of the navette, in the order of the texts (the Assemblée's text prints them all). */
export const DEMO_ARTICLE_NUMBERS: readonly string[] = ASSEMBLY_ADOPTED.map((a) => a.number);

/** The decision of the Conseil constitutionnel on the demo law: 9 bis censured as a « cavalier », image capture struck out of 15 ter. */
export const DEMO_DECISION: DecisionSpec = {
  number: "2025-999",
  date: "15 mai 2025",
  law: "loi relative à la sécurité des communications",
  referral: "le 18 avril 2025, par M. Exemple et au moins soixante autres députés (données fictives).",
  grounds: [
    "1. Les députés requérants défèrent au Conseil constitutionnel la loi relative à la sécurité des communications. Ils contestent la place dans la loi de son article 9 bis ainsi que certaines dispositions de ses articles 15 ter et 16.",
    "- Sur la place de l'article 9 bis dans la loi déférée :",
    "2. Aux termes de la dernière phrase du premier alinéa de l'article 45 de la Constitution : « Sans préjudice de l'application des articles 40 et 41, tout amendement est recevable en première lecture dès lors qu'il présente un lien, même indirect, avec le texte déposé ou transmis ».",
    "3. L'article 9 bis prolonge l'expérimentation de traitements algorithmiques d'images de vidéoprotection. Introduit en première lecture, il ne présente pas de lien, même indirect, avec les dispositions de la proposition de loi initiale. Il a donc été adopté selon une procédure contraire à la Constitution.",
    "- Sur certaines dispositions de l'article 15 ter :",
    "4. En permettant l'activation à distance d'un appareil électronique aux fins de captation d'images, les dispositions contestées portent au droit au respect de la vie privée une atteinte qui ne peut être regardée comme adaptée, nécessaire et proportionnée à l'objectif poursuivi. Les mots « et d'images » figurant au second alinéa de l'article 15 ter sont donc contraires à la Constitution.",
    "- Sur l'article 16 :",
    "5. Le procès-verbal distinct est autorisé par un juge et la décision peut être contestée devant la chambre de l'instruction. L'article 16 ne méconnaît pas les droits de la défense. Il est conforme à la Constitution.",
  ],
  dispositif: [
    [
      "Sont contraires à la Constitution les dispositions suivantes de la loi relative à la sécurité des communications :",
      "- l'article 9 bis ;",
      "- les mots « et d'images » figurant au second alinéa de l'article 15 ter.",
    ],
    ["Sont conformes à la Constitution le reste de l'article 15 ter et l'article 16 de la même loi."],
    ["Cette décision sera publiée au Journal officiel de la République française."],
  ],
};

/**
 * The law as promulgated: the articles in force after the decision, numbered 1 to 26 in their
 * order; 9 bis, censured, keeps its number (10) with the Journal officiel's notice; « et
 * d'images » is gone from 15 ter (now 18).
 */
function promulgated(): BillItem[] {
  const cmp = new Map(CMP_ARTICLES.map((a) => [a.number, a]));
  const items: BillItem[] = [];
  let n = 0;
  for (const article of ASSEMBLY_ADOPTED) {
    const final = cmp.get(article.number) ?? article;
    if (final.markerLine === "(Supprimé)") continue;
    for (const division of DIVISIONS[article.number] ?? []) items.push(division);
    n++;
    const heading = `Article ${n}`;
    if (article.number === "9 bis") {
      items.push({
        article: heading,
        markerLine: `[Dispositions déclarées non conformes à la Constitution par la décision du Conseil constitutionnel n° ${DEMO_DECISION.number} DC du ${DEMO_DECISION.date}.]`,
        alineas: [],
      });
      continue;
    }
    const alineas = final.alineas.map((a) => (article.number === "15 ter" ? a.replace(" et d'images", "") : a));
    items.push({ article: heading, alineas });
  }
  return items;
}

/** The demo law (n° 2025-999) as the Journal officiel publishes it. */
export const DEMO_LAW: LawSpec = {
  number: "2025-999",
  date: "20 mai 2025",
  title: "relative à la sécurité des communications",
  nor: "JUSX2599999L",
  decision: `${DEMO_DECISION.number} DC du ${DEMO_DECISION.date}`,
  items: promulgated(),
};
