/**
 * Writes the demonstration data in `demo/`: a fictional bill and its amendments, in the exact
 * AN open-data JSON formats and dump layout (`json/{dossier}/{texte}/{uid}.json`).
 * Run: `npx tsx scripts/make-demo.ts`. The output is committed; this script documents it.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { amendmentUid, anActorJson, anAmendmentJson, anDossierJson, anOrganJson, type AmendmentSpec } from "./an-format.js";
import { DEMO_COMMITTEE_TEXT, DEMO_SENAT_TABLED_TEXT } from "./demo-bill.js";
import { renderAkn, renderAnDynHtml } from "./text-formats.js";

const DOSSIER = "DLR5L17N99901";
const TABLED = "PIONANR5L17B9907"; // text transmitted by the Sénat
const COMMITTEE = "PIONANR5L17BTC9943"; // texte de la commission
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
              adoptedText: "PIONANR5L17BTA0099",
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
        { code: "CMP-DEC", type: "Decision_Type", date: "2025-04-10", conclusion: { code: "TCCMP01", label: "Accord" } },
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
    alinea: "3",
    dispositif:
      "<p>À l&#8217;alinéa 3, après le mot&#160;: «&#160;chiffrement&#160;», insérer les mots&#160;: «&#160;de bout en bout&#160;».</p>",
    ...discussed("Tombé"),
    depositedAt: "2025-03-01",
    decidedAt: "2025-03-05T23:11:00+01:00",
  }),
  committee({
    number: 20,
    author: rapporteur,
    division: art("8"),
    alinea: "4",
    dispositif: "<p>À la fin de l&#8217;alinéa 4, supprimer les mots&#160;: «&#160;et à la délinquance organisée&#160;».</p>",
    expose:
      "<p>Cet amendement restreint l&#8217;extension des algorithmes de détection (article L.&#160;851-3 du code de la sécurité intérieure).</p>",
    ...discussed("Adopté"),
    depositedAt: "2025-03-02",
    decidedAt: "2025-03-05T21:30:00+01:00",
    codeLoi: { code: "c sécurité intérieur", article: "L851-3" },
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
      "<p>Rétablir cet article dans la rédaction suivante&#160;:</p><p>«&#160;Les fournisseurs de services de communications chiffrées sont tenus de mettre en œuvre les dispositifs techniques permettant l&#8217;accès au contenu des correspondances.&#160;»</p>",
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
      "<p>Rétablir cet article dans la rédaction suivante&#160;:</p><p>«&#160;Le code de procédure pénale est ainsi modifié&#160;: après l&#8217;article 706-102-1, il est inséré un article 706-102-1-1 permettant l&#8217;activation à distance d&#8217;un appareil électronique.&#160;»</p>",
    expose: "<p>Rétablir la captation de données par activation à distance des appareils.</p>",
    ...discussed("Adopté"),
    depositedAt: "2025-03-13",
    decidedAt: "2025-03-20T11:45:00+01:00",
  }),
  seance({
    number: 130,
    author: deputy("M.&#160;Fontaine", "PA900070", "PO845419"),
    division: after("9"),
    dispositif:
      "<p>Après l&#8217;article 9, insérer l&#8217;article suivant&#160;:</p><p>«&#160;L&#8217;expérimentation de traitements algorithmiques d&#8217;images de vidéoprotection est prolongée jusqu&#8217;au 31 décembre 2027.&#160;»</p>",
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

const root = path.resolve("demo/an");
rmSync(root, { recursive: true, force: true });
rmSync(path.resolve("demo/senat"), { recursive: true, force: true });
mkdirSync(path.join(root, "textes"), { recursive: true });
mkdirSync(path.resolve("demo/senat/textes"), { recursive: true });
writeFileSync(path.join(root, "textes", `${COMMITTEE}.html`), renderAnDynHtml(DEMO_COMMITTEE_TEXT));
writeFileSync(path.resolve("demo/senat/textes/ppl24-999.akn.xml"), renderAkn(DEMO_SENAT_TABLED_TEXT, { signet: "ppl24-999" }));
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

console.log(`demo: 1 dossier, 2 textes, ${amendments.length} amendements écrits dans demo/`);
