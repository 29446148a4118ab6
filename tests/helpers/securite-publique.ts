/**
 * A mirror of what the Sénat and the Assemblée publish for the bill « sécurité publique »
 * (pjl16-263, 2016-2017): the real Sénat dossier page from ../shared/fixtures, and the files no
 * one kept offline written here in their exact published formats — the text of every step
 * (Sénat `/leg/` pages, the Assemblée's `.asp` pages of the 14th legislature), the committee and
 * séance jeux complets, and the séance dérouleur of the Sénat's committee text. Article wordings
 * are written for the test (short, in the bill's spirit), not the law's. The dossier's feed and the
 * CMP text's dérouleur are left out: a sync must report them missing (404) and go on.
 */
import { readFileSync } from "node:fs";
import { renderDerouleur, renderJeuComplet, type JeuCompletRow } from "../../scripts/senat-format.js";
import { renderAnOldHtml, renderSenatHtml, type BillItem, type BillSpec } from "../../scripts/text-formats.js";
import type { MirrorFile } from "./mirror.js";
import { sharedPath } from "./shared-fixtures.js";

const TITLE = "Projet de loi relatif à la sécurité publique";

const ART1 = {
  article: "Article 1er",
  alineas: [
    "Le titre III du livre IV du code de la sécurité intérieure est complété par un chapitre V ainsi rédigé :",
    "« Art. L. 435-1. – Dans l'exercice de leurs fonctions, les agents de la police nationale peuvent faire usage de leurs armes en cas d'absolue nécessité et de manière strictement proportionnée. »",
  ],
};
const ART1_COM = {
  ...ART1,
  alineas: [
    ART1.alineas[0]!,
    ART1.alineas[1]!.replace(
      "fonctions,",
      "fonctions et revêtus de leur uniforme ou des insignes extérieurs et apparents de leur qualité,",
    ),
  ],
};
const ART2 = {
  article: "Article 2",
  alineas: [
    "Les agents des services de police peuvent être autorisés à s'identifier par un numéro d'immatriculation administrative dans les actes de procédure.",
  ],
};
const ART2_AN = {
  ...ART2,
  alineas: [ART2.alineas[0]!.replace("peuvent être autorisés", "sont autorisés, par une décision nominative du chef de service,")],
};
const ART3 = {
  article: "Article 3",
  alineas: ["L'article 433-5 du code pénal est ainsi modifié : les mots : « six mois » sont remplacés par les mots : « un an »."],
};
const ART3_SEANCE = { ...ART3, alineas: [`${ART3.alineas[0]!} Le montant de l'amende est porté à 15 000 euros.`] };
const ART4 = {
  article: "Article 4",
  headingMarker: "(nouveau)",
  alineas: [
    "Les fichiers de police mentionnés à l'article 230-6 du code de procédure pénale peuvent être consultés par les agents habilités des polices municipales.",
  ],
};
const ART4_DELETED: BillItem = { article: "Article 4", markerLine: "(Supprimé)", alineas: [] };

const senat = (number: number, role: BillSpec["role"], items: readonly BillItem[]): Buffer =>
  Buffer.from(renderSenatHtml({ title: TITLE, nature: "pjl", number, legislature: 14, session: 2016, role, items }), "utf8");
const assemblee = (number: number, role: BillSpec["role"], items: readonly BillItem[]): Buffer =>
  Buffer.from(renderAnOldHtml({ title: TITLE, nature: "pjl", number, legislature: 14, session: 2016, role, items }), "latin1");

const committeeRows: JeuCompletRow[] = [
  {
    numero: "COM-1",
    subdivision: "Article 1er",
    auteur: "M. GROSDIDIER, rapporteur",
    date: "2017-01-12",
    dispositif: "<p>Alinéa 2 : après « fonctions », insérer « et revêtus de leur uniforme ».</p>",
    objet: "<p>Précision.</p>",
    sort: "Adopté",
  },
  {
    numero: "COM-2",
    subdivision: "Article 2",
    auteur: "Mme BENBASSA",
    date: "2017-01-12",
    dispositif: "<p>Supprimer cet article.</p>",
    objet: "<p>L'anonymat des agents nuit au contrôle de leur action.</p>",
    sort: "Rejeté",
  },
  {
    numero: "COM-3",
    subdivision: "art. add. après Article 3",
    auteur: "M. GROSDIDIER, rapporteur",
    date: "2017-01-12",
    dispositif:
      "<p>Après l'article 3, insérer un article ainsi rédigé : les fichiers de police peuvent être consultés par les polices municipales.</p>",
    objet: "<p>Accès des polices municipales aux fichiers.</p>",
    sort: "Adopté",
  },
];
const seanceRows: JeuCompletRow[] = [
  {
    numero: "1",
    subdivision: "Article 3",
    auteur: "Le Gouvernement",
    date: "2017-01-23",
    dispositif: "<p>Compléter cet article par une phrase : le montant de l'amende est porté à 15 000 euros.</p>",
    objet: "<p>Cohérence des peines.</p>",
    sort: "Adopté",
  },
  {
    numero: "2",
    subdivision: "Article 4",
    auteur: "Mme ASSASSI",
    date: "2017-01-23",
    dispositif: "<p>Supprimer cet article.</p>",
    objet: "<p>L'accès aux fichiers de police doit rester limité.</p>",
    sort: "Rejeté",
  },
  {
    numero: "3 rect.",
    subdivision: "Article 2",
    auteur: "M. RICHARD",
    date: "2017-01-23",
    dispositif: "<p>Supprimer cet article.</p>",
    objet: "<p>Retrait.</p>",
    sort: "Retiré",
  },
];
const cmpRows: JeuCompletRow[] = [
  {
    numero: "1",
    subdivision: "Article 1er",
    auteur: "Le Gouvernement",
    date: "2017-02-15",
    dispositif: "<p>Rédactionnel.</p>",
    objet: "<p>Coordination.</p>",
    sort: "Adopté",
  },
];

const html = (body: Buffer): MirrorFile => ({ body, type: "text/html" });

/** The mirror's files by path (needs ../shared/fixtures/senat for the real dossier page). */
export function securitePubliqueMirror(): Map<string, MirrorFile> {
  const tabled = [ART1, ART2, ART3];
  const committee = [ART1_COM, ART2, ART3, ART4];
  const adopted = [ART1_COM, ART2, ART3_SEANCE, ART4];
  const anCommittee = [ART1_COM, ART2_AN, ART3_SEANCE, ART4_DELETED];
  return new Map<string, MirrorFile>([
    ["/dossier-legislatif/pjl16-263.html", html(readFileSync(sharedPath("senat", "dosleg_page_pjl16-263_securite-publique_CMP.html")))],
    ["/leg/pjl16-263.html", html(senat(263, "depose", tabled))],
    ["/leg/pjl16-310.html", html(senat(310, "commission", committee))],
    ["/leg/tas16-065.html", html(senat(65, "adopte", adopted))],
    ["/14/projets/pl4420.asp", html(assemblee(4420, "depose", adopted))],
    ["/14/ta-commission/r4431-a0.asp", html(assemblee(4431, "commission", anCommittee))],
    ["/14/ta/ta0908.asp", html(assemblee(908, "adopte", anCommittee))],
    ["/leg/pjl16-400.html", html(senat(400, "commission", anCommittee))],
    ["/14/ta/ta0915.asp", html(assemblee(915, "adopte", anCommittee))],
    ["/leg/tas16-095.html", html(senat(95, "adopte", anCommittee))],
    [
      "/amendements/commissions/2016-2017/263/jeu_complet_commission_2016-2017_263.csv",
      { body: renderJeuComplet("2016-2017", "263", committeeRows, { committee: true }), type: "text/csv" },
    ],
    [
      "/amendements/2016-2017/310/jeu_complet_2016-2017_310.csv",
      { body: renderJeuComplet("2016-2017", "310", seanceRows), type: "text/csv" },
    ],
    [
      "/enseance/2016-2017/310/liste_discussion.json",
      {
        body: Buffer.from(
          renderDerouleur("pjl16-263", 3, [
            { label: "Article 2", amendments: [{ id: "3", num: "3 rect.", sort: "Retiré" }] },
            { label: "Article 3", amendments: [{ id: "1", num: "1", sort: "Adopté" }] },
            { label: "Article 4", amendments: [{ id: "2", num: "2", sort: "Rejeté" }] },
          ]),
        ),
        type: "application/json",
      },
    ],
    ["/amendements/2016-2017/400/jeu_complet_2016-2017_400.csv", { body: renderJeuComplet("2016-2017", "400", cmpRows), type: "text/csv" }],
  ]);
}

/** Amendments the mirror publishes. */
export const MIRROR_AMENDMENTS = committeeRows.length + seanceRows.length + cmpRows.length;
