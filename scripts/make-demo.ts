/**
 * Writes the demonstration data in `demo/`: a fictional bill and its amendments, in the exact
 * AN open-data JSON formats and dump layout (`json/{dossier}/{texte}/{uid}.json`).
 * Run: `npx tsx scripts/make-demo.ts`. The output is committed; this script documents it.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { amendmentUid, anActorJson, anAmendmentJson, anDossierJson, anOrganJson, type AmendmentSpec } from "./an-format.js";
import { DEMO_DECISION, DEMO_LAW, DEMO_TEXTS } from "./demo-navette.js";
import { renderJoLaw } from "./jo-format.js";
import { renderDecisionPage } from "./cc-format.js";
import { renderDerouleur, renderJeuComplet, type JeuCompletRow } from "./senat-format.js";
import { renderAkn, renderAnDynHtml, renderSenatHtml } from "./text-formats.js";

const DOSSIER = "DLR5L17N99901";
const TABLED = "PIONANR5L17B9907"; // text transmitted by the Sénat
const COMMITTEE = "PIONANR5L17BTC9943"; // texte de la commission
const ADOPTED = "PIONANR5L17BTA0099"; // texte adopté par l'Assemblée
const CMP_TEXT = "PIONANR5L17BTC1010"; // texte de la commission mixte paritaire
const CMP_ADOPTED = "PIONANR5L17BTA0110";
const LAW_COMMITTEE = "PO59051"; // Commission des lois
const SEANCE = "PO838901";

const dossier = anDossierJson({
  uid: DOSSIER,
  legislature: "17",
  title: "Démonstration — proposition de loi relative à la sécurité des communications (données fictives)",
  slug: "demonstration_securite_communications",
  senatUrl: "http://www.senat.fr/dossier-legislatif/ppl24-999.html",
  procedure: "Proposition de loi ordinaire",
  acts: [
    {
      code: "SN1",
      label: "1ère lecture (1ère assemblée saisie)",
      children: [
        { code: "SN1-DEPOT", type: "DepotInitiative_Type", date: "2024-11-20", texteAssocie: "PIONSNR5S2024B0999" },
        {
          code: "SN1-COM",
          children: [
            {
              code: "SN1-COM-FOND",
              children: [
                {
                  code: "SN1-COM-FOND-RAPPORT",
                  type: "DepotRapport_Type",
                  date: "2025-01-15",
                  texteAssocie: "RAPPSNR5S2024B0255",
                  texteAdopte: "PIONSNR5S2024BTC0256",
                },
              ],
            },
          ],
        },
        {
          code: "SN1-DEBATS",
          children: [
            { code: "SN1-DEBATS-SEANCE", type: "DiscussionSeancePublique_Type", date: "2025-01-28" },
            {
              code: "SN1-DEBATS-DEC",
              type: "Decision_Type",
              date: "2025-02-04",
              conclusion: { code: "TSORTF01", label: "adopté" },
              adoptedText: "PIONSNR5S2024BTA0059",
            },
          ],
        },
      ],
    },
    {
      code: "AN1",
      label: "1ère lecture (2ème assemblée saisie)",
      children: [
        { code: "AN1-DEPOT", type: "DepotInitiativeNavette_Type", date: "2025-02-05", texteAssocie: TABLED },
        {
          code: "AN1-COM",
          children: [
            {
              code: "AN1-COM-FOND",
              children: [
                { code: "AN1-COM-FOND-SAISIE", type: "SaisieComFond_Type", date: "2025-02-05" },
                {
                  code: "AN1-COM-FOND-RAPPORT",
                  type: "DepotRapport_Type",
                  date: "2025-03-08",
                  texteAssocie: "RAPPANR5L17B9943",
                  texteAdopte: COMMITTEE,
                },
              ],
            },
          ],
        },
        {
          code: "AN1-DEBATS",
          children: [
            { code: "AN1-DEBATS-SEANCE", type: "DiscussionSeancePublique_Type", date: "2025-03-17" },
            {
              code: "AN1-DEBATS-DEC",
              type: "Decision_Type",
              date: "2025-04-01",
              conclusion: { code: "TSORTF05", label: "modifié" },
              adoptedText: ADOPTED,
            },
          ],
        },
      ],
    },
    {
      code: "CMP",
      label: "Commission Mixte Paritaire",
      children: [
        { code: "CMP-SAISIE", type: "RenvoiCMP_Type", date: "2025-04-02" },
        {
          code: "CMP-COM",
          children: [
            {
              code: "CMP-COM-RAPPORT-AN",
              type: "DepotRapport_Type",
              date: "2025-04-10",
              texteAssocie: "RAPPANR5L17B1010",
              texteAdopte: CMP_TEXT,
            },
          ],
        },
        {
          code: "CMP-DEBATS-AN",
          children: [
            { code: "CMP-DEBATS-AN-SEANCE", type: "DiscussionSeancePublique_Type", date: "2025-04-15" },
            {
              code: "CMP-DEBATS-AN-DEC",
              type: "Decision_Type",
              date: "2025-04-15",
              conclusion: { code: "TSORTF01", label: "adopté" },
              adoptedText: CMP_ADOPTED,
            },
          ],
        },
        {
          code: "CMP-DEBATS-SN",
          children: [
            { code: "CMP-DEBATS-SN-SEANCE", type: "DiscussionSeancePublique_Type", date: "2025-04-17" },
            {
              code: "CMP-DEBATS-SN-DEC",
              type: "Decision_Type",
              date: "2025-04-17",
              conclusion: { code: "TSORTF01", label: "adopté" },
              adoptedText: "PIONSNR5S2024BTA0080",
            },
          ],
        },
        { code: "CMP-DEC", type: "Decision_Type", date: "2025-04-10", conclusion: { code: "TCCMP01", label: "Accord" } },
      ],
    },
    {
      code: "CC",
      label: "Conseil constitutionnel",
      children: [
        {
          code: "CC-SAISIE-AN",
          type: "SaisineConseilConstit_Type",
          date: "2025-04-18",
          extra: { casSaisine: { fam_code: "TSCCONT05", libelle: "Soixante députés au moins" } },
        },
        {
          code: "CC-CONCLUSION",
          type: "ConclusionEtapeCC_Type",
          date: "2025-05-15",
          conclusion: { code: "TCD02", label: "Partiellement conforme" },
          extra: {
            urlConclusion: "https://www.conseil-constitutionnel.fr/decision/2025/2025999DC.htm",
            numDecision: "999",
            anneeDecision: "2025",
          },
        },
      ],
    },
    {
      code: "PROM",
      label: "Promulgation de la loi",
      children: [
        {
          code: "PROM-PUB",
          type: "Promulgation_Type",
          date: "2025-05-20",
          extra: {
            texteLoiRef: "PIONSNR5S2024BTA0080",
            codeLoi: "2025-999",
            titreLoi: "relative à la sécurité des communications (données fictives)",
            infoJO: {
              typeJO: "JO_LOI_DECRET",
              dateJO: "2025-05-21+02:00",
              numJO: "117",
              urlLegifrance: "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000099999999",
              referenceNOR: "JUSX2599999L",
            },
          },
        },
      ],
    },
  ],
});

const deputy = (label: string, ref: string, group = "PO845413"): AmendmentSpec["author"] => ({ type: "Député", ref, group, label });
const rapporteur: AmendmentSpec["author"] = {
  type: "Rapporteur",
  ref: "PA900001",
  group: "PO845419",
  label: "Mme&#160;Exemple, rapporteure",
};
const government: AmendmentSpec["author"] = { type: "Gouvernement", government: "PO855052", label: "le Gouvernement" };
const art = (n: string): AmendmentSpec["division"] => ({ title: `Article ${n}`, short: `ART. ${n.toUpperCase()}` });
const after = (n: string): AmendmentSpec["division"] => ({
  title: `Article ${n}`,
  short: `APRÈS ART. ${n.toUpperCase()}`,
  long: `APRÈS L'ARTICLE ${n.toUpperCase()}, insérer l'article suivant:`,
  position: "Après",
  additional: true,
});
const discussed = (sort: string): Pick<AmendmentSpec, "state" | "subState" | "sort"> => ({
  state: { code: "DI", label: "Discuté" },
  subState: { code: "DI", label: sort },
  sort,
});

const committee = (spec: Omit<AmendmentSpec, "organ" | "text" | "prefix" | "prefixCode">): AmendmentSpec => ({
  ...spec,
  organ: LAW_COMMITTEE,
  text: TABLED,
  prefix: "CL",
  prefixCode: "CION_LOIS",
});
const seance = (spec: Omit<AmendmentSpec, "organ" | "text">): AmendmentSpec => ({
  ...spec,
  organ: SEANCE,
  text: COMMITTEE,
  prefixCode: "AN",
});

const amendments: AmendmentSpec[] = [
  committee({
    number: 12,
    author: deputy("Mme&#160;Martin,  M.&#160;Durand et Mme&#160;Petit", "PA900010"),
    cosigners: ["PA900011", "PA900012"],
    division: art("8 ter"),
    dispositif: "<p>Supprimer cet article.</p>",
    expose:
      "<p>Cet article impose aux fournisseurs de messageries chiffrées de donner accès au contenu des correspondances : c&#8217;est une porte d&#233;rob&#233;e qui affaiblit la s&#233;curit&#233; de tous.</p>",
    ...discussed("Adopté"),
    identical: "90001",
    depositedAt: "2025-02-28",
    decidedAt: "2025-03-05T23:10:00+01:00",
  }),
  committee({
    number: 13,
    author: rapporteur,
    division: art("8 ter"),
    dispositif: "<p>Supprimer cet article.</p>",
    expose: "<p>Amendement identique du rapporteur.</p>",
    ...discussed("Adopté"),
    identical: "90001",
    depositedAt: "2025-03-01",
    decidedAt: "2025-03-05T23:10:00+01:00",
  }),
  committee({
    number: 14,
    author: deputy("M.&#160;Bernard", "PA900020", "PO845401"),
    division: art("8 ter"),
    alinea: "2",
    dispositif:
      "<p>À l&#8217;alinéa 2, après le mot&#160;: «&#160;chiffrement&#160;», insérer les mots&#160;: «&#160;de bout en bout&#160;».</p>",
    ...discussed("Tombé"),
    depositedAt: "2025-03-01",
    decidedAt: "2025-03-05T23:11:00+01:00",
  }),
  committee({
    number: 20,
    author: rapporteur,
    division: art("8"),
    alinea: "3",
    dispositif:
      "<p>Après l&#8217;alinéa 3, insérer l&#8217;alinéa suivant&#160;:</p><p>«&#160;3° Au dernier alinéa, après le mot&#160;: «&#160;renseignement&#160;», sont insérés les mots&#160;: «&#160;, après avis de la Commission nationale de contrôle des techniques de renseignement&#160;».&#160;»</p>",
    expose:
      "<p>Cet amendement soumet l&#8217;extension des algorithmes de détection (article L.&#160;851-3 du code de la sécurité intérieure) à l&#8217;avis de la Commission nationale de contrôle des techniques de renseignement.</p>",
    ...discussed("Adopté"),
    depositedAt: "2025-03-02",
    decidedAt: "2025-03-05T21:30:00+01:00",
    codeLoi: { code: "c sécurité intérieur", article: "L851-3" },
  }),
  committee({
    number: 22,
    author: rapporteur,
    division: after("8"),
    dispositif:
      "<p>Après l&#8217;article 8, insérer l&#8217;article suivant&#160;:</p><p>«&#160;Le Gouvernement remet au Parlement, avant le 1er juillet 2026, un rapport sur l&#8217;usage des algorithmes de détection.&#160;»</p>",
    expose: "<p>Le Parlement doit pouvoir évaluer l&#8217;usage des algorithmes de détection avant toute nouvelle extension.</p>",
    ...discussed("Adopté"),
    depositedAt: "2025-03-02",
    decidedAt: "2025-03-05T21:45:00+01:00",
  }),
  committee({
    number: 23,
    author: rapporteur,
    division: art("16"),
    dispositif:
      "<p>Rédiger ainsi l&#8217;alinéa 2&#160;:</p><p>«&#160;«&#160;Art. 230-40-1. – Sur autorisation du juge des libertés et de la détention, les informations relatives à la mise en œuvre d&#8217;une technique spéciale d&#8217;enquête, dont la divulgation est de nature à mettre en danger la vie des personnes, figurent dans un procès-verbal distinct. La personne mise en examen peut contester cette décision devant la chambre de l&#8217;instruction.&#160;»&#160;»</p>",
    expose:
      "<p>Le «&#160;dossier coffre&#160;» prive la défense de l&#8217;accès aux conditions de mise en œuvre des techniques de surveillance. Cet amendement le soumet à l&#8217;autorisation d&#8217;un juge et ouvre un recours.</p>",
    ...discussed("Adopté"),
    depositedAt: "2025-03-03",
    decidedAt: "2025-03-06T11:30:00+01:00",
  }),
  committee({
    number: 21,
    author: deputy("M.&#160;Garnier", "PA900030", "PO845401"),
    division: art("15 ter"),
    dispositif: "<p>Supprimer cet article.</p>",
    expose: "<p>L&#8217;activation à distance des appareils électroniques a été censurée par le Conseil constitutionnel en 2023.</p>",
    ...discussed("Adopté"),
    depositedAt: "2025-03-02",
    decidedAt: "2025-03-06T10:00:00+01:00",
  }),
  committee({
    number: 30,
    author: deputy("Mme&#160;Roux", "PA900040"),
    division: after("8 ter"),
    dispositif: null,
    notice:
      "Cet amendement a été déclaré irrecevable après publication en application de l'article 98 du règlement de l'Assemblée nationale.",
    state: { code: "IRR45", label: "Irrecevable" },
    subState: { code: "IRR45", label: "Cavalier (45)" },
    depositedAt: "2025-03-02",
  }),
  committee({
    number: 31,
    author: deputy("M.&#160;Lefèvre", "PA900050"),
    division: art("12"),
    dispositif: "<p>Supprimer cet article.</p>",
    state: { code: "RT", label: "Retiré" },
    subState: { code: "RT", label: "Retiré après publication" },
    depositedAt: "2025-03-02",
  }),
  seance({
    number: 101,
    author: deputy("M.&#160;Marchand,  M.&#160;Blanc", "PA900060", "PO845425"),
    division: { ...art("8 ter"), url: `/17/textes/9943.asp#D_Article_8_ter` },
    dispositif:
      "<p>Rétablir cet article dans la rédaction suivante&#160;:</p><p>«&#160;Le chapitre Ier du titre V du livre VIII du code de la sécurité intérieure est complété par un article L.&#160;851-8 ainsi rédigé&#160;:</p><p>«&#160;«&#160;Art. L.&#160;851-8. – Les fournisseurs de services de communications électroniques chiffrées sont tenus de mettre en œuvre les dispositifs techniques permettant l&#8217;accès au contenu intelligible des correspondances, sans pouvoir opposer le chiffrement.&#160;»&#160;»</p>",
    expose: "<p>Rétablir l&#8217;obligation faite aux messageries chiffrées.</p>",
    ...discussed("Rejeté"),
    depositedAt: "2025-03-12",
    decidedAt: "2025-03-19T18:00:00+01:00",
    seance: "RUANR5L17S2025IDS99001",
  }),
  seance({
    number: 150,
    author: deputy("Mme&#160;Martin", "PA900010"),
    division: art("8 ter"),
    parent: amendmentUid({ organ: SEANCE, text: COMMITTEE, number: 101 }),
    dispositif: "<p>À l&#8217;alinéa 2, substituer au mot&#160;: «&#160;tenus&#160;» le mot&#160;: «&#160;invités&#160;».</p>",
    expose: "<p>Une obligation de cette portée ne peut être imposée sans étude d&#8217;impact.</p>",
    ...discussed("Tombé"),
    depositedAt: "2025-03-14",
    decidedAt: "2025-03-19T18:00:00+01:00",
  }),
  seance({
    number: 120,
    rect: 1,
    author: government,
    division: art("15 ter"),
    dispositif:
      "<p>Rétablir cet article dans la rédaction suivante&#160;:</p><p>«&#160;Après l&#8217;article 706-102-1 du code de procédure pénale, il est inséré un article 706-102-1-1 ainsi rédigé&#160;:</p><p>«&#160;«&#160;Art. 706-102-1-1. – Le juge des libertés et de la détention peut autoriser l&#8217;activation à distance d&#8217;un appareil électronique, à l&#8217;insu ou sans le consentement de son propriétaire ou de son possesseur, aux seules fins de procéder à la captation de sons et d&#8217;images, pour une durée d&#8217;un mois renouvelable une fois.&#160;»&#160;»</p>",
    expose: "<p>Rétablir la captation de sons et d&#8217;images par activation à distance des appareils, en limitant sa durée.</p>",
    ...discussed("Adopté"),
    depositedAt: "2025-03-13",
    decidedAt: "2025-03-20T11:45:00+01:00",
  }),
  seance({
    number: 130,
    author: deputy("M.&#160;Fontaine", "PA900070", "PO845419"),
    division: after("9"),
    dispositif:
      "<p>Après l&#8217;article 9, insérer l&#8217;article suivant&#160;:</p><p>«&#160;Au premier alinéa du I de l&#8217;article 10 de la loi n°&#160;2023-380 du 19&#160;mai 2023 relative aux jeux Olympiques et Paralympiques de 2024 et portant diverses autres dispositions, la date&#160;: «&#160;31 mars 2025&#160;» est remplacée par la date&#160;: «&#160;31 décembre 2027&#160;».&#160;»</p>",
    expose:
      "<p>Cet amendement prolonge l&#8217;expérimentation des traitements algorithmiques d&#8217;images de vidéoprotection jusqu&#8217;au 31 décembre 2027.</p>",
    ...discussed("Adopté"),
    depositedAt: "2025-03-13",
    decidedAt: "2025-03-20T16:00:00+01:00",
  }),
  seance({
    number: 131,
    author: deputy("Mme&#160;Roux", "PA900040"),
    division: after("9"),
    dispositif:
      "<p>Après l&#8217;article 9, insérer l&#8217;article suivant&#160;:</p><p>«&#160;Une taxe finance le contrôle des algorithmes.&#160;»</p>",
    state: { code: "IR", label: "Irrecevable 40" },
    subState: { code: "IR", label: "Gage" },
    depositedAt: "2025-03-13",
  }),
  seance({
    number: 140,
    author: deputy("M.&#160;Lefèvre", "PA900050"),
    division: art("12"),
    alinea: "2",
    dispositif: "<p>Supprimer l&#8217;alinéa 2.</p>",
    ...discussed("Non soutenu"),
    depositedAt: "2025-03-13",
    decidedAt: "2025-03-19T21:00:00+01:00",
  }),
];

// The Sénat's amendments: in committee on the tabled text (n° 999), in séance on the committee's (n° 256).
const senateCommitteeRows: JeuCompletRow[] = [
  {
    numero: "COM-1",
    subdivision: "Article 8",
    auteur: "Mme DUPONT",
    date: "2025-01-08",
    dispositif: "<p>Supprimer cet article.</p>",
    objet: "<p>L'extension des algorithmes de détection à la criminalité organisée n'est pas justifiée.</p>",
    sort: "Rejeté",
  },
  {
    numero: "COM-3",
    subdivision: "art. add. après Article 8",
    auteur: "M. EXEMPLE, rapporteur",
    date: "2025-01-08",
    dispositif:
      "<p>Après l'article 8, insérer un article additionnel ainsi rédigé :</p><p>Le chapitre Ier du titre V du livre VIII du code de la sécurité intérieure est complété par un article L. 851-8 ainsi rédigé :</p><p>« Art. L. 851-8. – Les fournisseurs de services de communications électroniques chiffrées sont tenus de mettre en œuvre les dispositifs techniques permettant l'accès au contenu intelligible des correspondances, sans pouvoir opposer le chiffrement. »</p>",
    objet:
      "<p>Les messageries chiffrées ne doivent pas faire obstacle aux enquêtes : cet amendement oblige leurs fournisseurs à donner accès au contenu des correspondances.</p>",
    sort: "Adopté",
  },
  {
    numero: "COM-7",
    subdivision: "art. add. après Article 15",
    auteur: "M. EXEMPLE, rapporteur",
    date: "2025-01-08",
    dispositif:
      "<p>Après l'article 15, insérer un article additionnel ainsi rédigé :</p><p>À l'article 706-96 du code de procédure pénale, les mots : « un mois » sont remplacés par les mots : « deux mois ».</p>",
    objet: "<p>Allonger la durée de la sonorisation des lieux privés.</p>",
    sort: "Adopté",
  },
  {
    numero: "COM-9",
    subdivision: "Article 16",
    auteur: "M. EXEMPLE, rapporteur",
    date: "2025-01-08",
    dispositif:
      "<p>Alinéa 2 : après le mot : « enquête, », insérer les mots : « dont la divulgation est de nature à mettre en danger la vie des personnes ou à révéler les modalités d'une technique, ».</p>",
    objet: "<p>Le procès-verbal distinct protège les enquêteurs et les techniques employées.</p>",
    sort: "Adopté",
  },
];
const senateSeanceRows: JeuCompletRow[] = [
  {
    numero: "12",
    subdivision: "Article 8 ter",
    auteur: "Mme DURAND",
    date: "2025-01-24",
    dispositif: "<p>Supprimer cet article.</p>",
    objet:
      "<p>Imposer un accès au contenu des messageries chiffrées revient à créer une porte dérobée, que d'autres que les enquêteurs sauront exploiter.</p>",
    sort: "Rejeté",
  },
  {
    numero: "13",
    subdivision: "Article 8 ter",
    auteur: "M. MARTIN",
    date: "2025-01-24",
    dispositif: "<p>Supprimer cet article.</p>",
    objet: "<p>Affaiblir le chiffrement affaiblit la sécurité de tous.</p>",
    sort: "Rejeté",
  },
  {
    numero: "40",
    subdivision: "art. add. après Article 15 bis",
    auteur: "Le Gouvernement",
    date: "2025-01-24",
    dispositif:
      "<p>Après l'article 15 bis, insérer un article additionnel ainsi rédigé :</p><p>Après l'article 706-102-1 du code de procédure pénale, il est inséré un article 706-102-1-1 ainsi rédigé :</p><p>« Art. 706-102-1-1. – Le juge des libertés et de la détention peut autoriser l'activation à distance d'un appareil électronique, à l'insu ou sans le consentement de son propriétaire ou de son possesseur, aux seules fins de procéder à la captation de sons et d'images. »</p>",
    objet: "<p>Permettre la captation de sons et d'images par l'activation à distance des appareils électroniques.</p>",
    sort: "Adopté",
  },
];

const root = path.resolve("demo/an");
const senate = path.resolve("demo/senat/textes");
rmSync(root, { recursive: true, force: true });
rmSync(path.resolve("demo/senat"), { recursive: true, force: true });
rmSync(path.resolve("demo/cc"), { recursive: true, force: true });
mkdirSync(path.join(root, "textes"), { recursive: true });
mkdirSync(path.resolve("demo/cc"), { recursive: true });
writeFileSync(path.resolve("demo/cc/2025999DC.htm"), renderDecisionPage(DEMO_DECISION));
rmSync(path.resolve("demo/jo"), { recursive: true, force: true });
mkdirSync(path.resolve("demo/jo"), { recursive: true });
writeFileSync(path.resolve("demo/jo/JORFTEXT000099999999.html"), renderJoLaw(DEMO_LAW));
mkdirSync(senate, { recursive: true });
// Each text in the format its chamber publishes it: the Sénat's tabled text in Akoma Ntoso, its
// other texts as /leg/ pages, the Assemblée's as /dyn/opendata/<uid>.html pages.
writeFileSync(path.join(senate, "ppl24-999.akn.xml"), renderAkn(DEMO_TEXTS.senateTabled, { signet: "ppl24-999" }));
writeFileSync(path.join(senate, "ppl24-256.html"), renderSenatHtml(DEMO_TEXTS.senateCommittee));
writeFileSync(path.join(senate, "tas24-059.html"), renderSenatHtml(DEMO_TEXTS.senateAdopted));
writeFileSync(path.join(senate, "tas24-080.html"), renderSenatHtml(DEMO_TEXTS.cmpSenate));
const senateAmendments = path.resolve("demo/senat/amendements");
mkdirSync(senateAmendments, { recursive: true });
writeFileSync(
  path.join(senateAmendments, "jeu_complet_commission_2024-2025_999.csv"),
  renderJeuComplet("2024-2025", "999", senateCommitteeRows, { committee: true }),
);
writeFileSync(path.join(senateAmendments, "jeu_complet_2024-2025_256.csv"), renderJeuComplet("2024-2025", "256", senateSeanceRows));
const derouleur = path.resolve("demo/senat/enseance/2024-2025/256");
mkdirSync(derouleur, { recursive: true });
writeFileSync(
  path.join(derouleur, "liste_discussion.json"),
  renderDerouleur("ppl24-999", senateSeanceRows.length, [
    {
      label: "Article 8 ter",
      amendments: [
        { id: "1012", num: "12", sort: "Rejeté" },
        { id: "1013", num: "13", sort: "Rejeté", identicalId: "1012" },
      ],
    },
    { label: "Article additionnel après l'article 15 bis", amendments: [{ id: "1040", num: "40", sort: "Adopté" }] },
  ]),
);
for (const [uid, text] of [
  [TABLED, DEMO_TEXTS.assemblyTabled],
  [COMMITTEE, DEMO_TEXTS.assemblyCommittee],
  [ADOPTED, DEMO_TEXTS.assemblyAdopted],
  [CMP_TEXT, DEMO_TEXTS.cmp],
  [CMP_ADOPTED, DEMO_TEXTS.cmpAssembly],
] as const)
  writeFileSync(path.join(root, "textes", `${uid}.html`), renderAnDynHtml(text));
mkdirSync(path.join(root, "dossiers"), { recursive: true });
writeFileSync(path.join(root, "dossiers", `${DOSSIER}.json`), JSON.stringify(dossier));
for (const spec of amendments) {
  const document = anAmendmentJson(spec);
  const folder = path.join(root, "amendements", "json", DOSSIER, spec.text);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `${document.amendement["uid"] as string}.json`), JSON.stringify(document));
}
// Names for the codes the amendments carry (AN "AMO" layout: json/acteur, json/organe). The
// groups and bodies are the real ones of the 17th legislature; the deputies are fictional.
const organs = [
  { uid: "PO845401", kind: "GP", name: "Rassemblement National", abbreviation: "RN" },
  { uid: "PO845413", kind: "GP", name: "La France insoumise - Nouveau Front Populaire", abbreviation: "LFI-NFP" },
  { uid: "PO845419", kind: "GP", name: "Socialistes et apparentés", abbreviation: "SOC" },
  { uid: "PO845425", kind: "GP", name: "Droite Républicaine", abbreviation: "DR" },
  {
    uid: LAW_COMMITTEE,
    kind: "COMPER",
    name: "Commission des lois constitutionnelles, de la législation et de l'administration générale de la République",
    abbreviation: "CION_LOIS",
  },
  { uid: SEANCE, kind: "ASSEMBLEE", name: "Assemblée nationale de la 17ème législature", abbreviation: "AN" },
];
const actors = [
  { uid: "PA900001", civility: "Mme", firstName: "Claire", lastName: "Exemple", groupRef: "PO845419" },
  { uid: "PA900010", civility: "Mme", firstName: "Anne", lastName: "Martin", groupRef: "PO845413" },
  { uid: "PA900020", civility: "M.", firstName: "Paul", lastName: "Bernard", groupRef: "PO845401" },
  { uid: "PA900030", civility: "M.", firstName: "Luc", lastName: "Garnier", groupRef: "PO845401" },
  { uid: "PA900040", civility: "Mme", firstName: "Sophie", lastName: "Roux", groupRef: "PO845413" },
  { uid: "PA900050", civility: "M.", firstName: "Marc", lastName: "Lefèvre", groupRef: "PO845413" },
  { uid: "PA900060", civility: "M.", firstName: "Louis", lastName: "Marchand", groupRef: "PO845425" },
  { uid: "PA900070", civility: "M.", firstName: "Hugo", lastName: "Fontaine", groupRef: "PO845419" },
];
for (const [kind, items, write] of [
  ["acteur", actors, anActorJson],
  ["organe", organs, anOrganJson],
] as const) {
  const folder = path.join(root, "acteurs", "json", kind);
  mkdirSync(folder, { recursive: true });
  for (const item of items)
    writeFileSync(path.join(folder, `${item.uid}.json`), JSON.stringify((write as (i: typeof item) => unknown)(item)));
}

console.log(
  `demo: 1 dossier, 9 textes, 1 décision, 1 loi, ${amendments.length} amendements de l'Assemblée et ${senateCommitteeRows.length + senateSeanceRows.length} du Sénat écrits dans demo/`,
);
