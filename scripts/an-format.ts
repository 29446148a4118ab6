/**
 * Writers of documents in the exact AN open-data formats (L17 amendment JSON, dossier JSON, and
 * their XML form), for the demo data and the project's own test fixtures. Every element the
 * AN publishes is present, nil ones as `{"@xmlns:xsi": …, "@xsi:nil": "true"}`.
 */
import { XMLBuilder } from "fast-xml-parser";

const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const NS = "http://schemas.assemblee-nationale.fr/referentiel";

/** A nil element as the AN JSON encodes it. */
export const NIL = Object.freeze({ "@xmlns:xsi": XSI, "@xsi:nil": "true" });

type Json = string | Json[] | { [key: string]: Json } | typeof NIL;

const orNil = (value: string | null | undefined): Json => (value === null || value === undefined ? NIL : value);

/** What varies between amendments. */
export interface AmendmentSpec {
  legislature?: string;
  /** Examining organ ("PO59051" for the Commission des lois, "PO838901" for the séance). */
  organ: string;
  /** Text uid ("PIONANR5L17B0907", "PIONANR5L17BTC1043"). */
  text: string;
  number: number;
  /** Committee prefix code ("CION_LOIS") and number prefix ("CL"); séance: "AN" and "". */
  prefixCode?: string;
  prefix?: string;
  rect?: number;
  deliberation?: number;
  author: { type: "Député" | "Rapporteur" | "Gouvernement"; ref?: string; group?: string; label: string; government?: string };
  cosigners?: string[];
  division: {
    title: string;
    short: string;
    long?: string;
    type?: string;
    position?: "A" | "Après" | "Avant";
    additional?: boolean;
    url?: string;
  };
  alinea?: string;
  dispositif?: string | null;
  expose?: string | null;
  notice?: string;
  state: { code: string; label: string };
  subState?: { code: string; label: string };
  sort?: string;
  depositedAt: string;
  publishedAt?: string;
  decidedAt?: string;
  parent?: string;
  identical?: string;
  common?: string;
  order?: string;
  seance?: string;
  codeLoi?: { code: string; article?: string };
  /** A budget amendment: its mission and the credits it moves per programme (euros), as `dispositifAmdtCreditPLF`. */
  credits?: {
    mission: { code: string; label: string; ref: string };
    programmes: Array<{ label: string; ref: string; ae: number; cp: number }>;
    /** A finances rectificative bill (`dispositifAmdtCreditPLFR`: supplementary and cancelled credits). */
    rectificative?: boolean;
  };
}

/** The credit table of a budget amendment, as the AN publishes it (amounts are strings). */
function creditDispositif(credits: NonNullable<AmendmentSpec["credits"]>): Record<string, unknown> {
  const sum = (key: "ae" | "cp") => String(credits.programmes.reduce((total, p) => total + p[key], 0));
  const one = (p: (typeof credits.programmes)[number]) =>
    credits.rectificative
      ? {
          libelle: p.label,
          programmeRef: p.ref,
          autorisationEngagementSupplementaire: String(Math.max(p.ae, 0)),
          creditPaiementSupplementaire: String(Math.max(p.cp, 0)),
          autorisationEngagementAnnule: String(Math.min(p.ae, 0)),
          creditPaiementAnnule: String(Math.min(p.cp, 0)),
          action: "modification",
          lignesCredits: NIL,
        }
      : {
          libelle: p.label,
          programmeRef: p.ref,
          autorisationEngagement: String(p.ae),
          creditPaiement: String(p.cp),
          action: "modification",
          lignesCredits: NIL,
        };
  const programme = credits.programmes.length === 1 ? one(credits.programmes[0]!) : credits.programmes.map(one);
  if (credits.rectificative) {
    return {
      dispositifAmdtCreditPLFR: {
        listeProgrammes: { programme },
        totalAE: { supplementaire: "0", annule: "0", solde: sum("ae") },
        totalCP: { supplementaire: "0", annule: "0", solde: sum("cp") },
        cpEgalAe: "false",
      },
    };
  }
  return { dispositifAmdtCreditPLF: { listeProgrammes: { programme }, soldeAE: sum("ae"), soldeCP: sum("cp"), cpEgalAe: "true" } };
}

/** uid of an amendment as the AN builds it: AMANR5L17PO59051B0907P0D1N000044. */
export function amendmentUid(spec: Pick<AmendmentSpec, "legislature" | "organ" | "text" | "number" | "deliberation">): string {
  const textPart = /B(?:TC)?\d+$/.exec(spec.text)?.[0] ?? "B0";
  return `AMANR5L${spec.legislature ?? "17"}${spec.organ}${textPart}P0D${spec.deliberation ?? 1}N${String(spec.number).padStart(6, "0")}`;
}

/** An amendment in the L16/L17 open-data JSON format (`{"amendement": {…}}`). */
export function anAmendmentJson(spec: AmendmentSpec): { amendement: Record<string, Json> } {
  const legislature = spec.legislature ?? "17";
  const uid = amendmentUid(spec);
  const prefix = spec.prefix ?? "";
  const numberLong = `${prefix}${spec.number}${spec.rect ? " (Rect)" : ""}`;
  const textNumber = /(\d+)$/.exec(spec.text)?.[1] ?? "0";
  return {
    amendement: {
      "@xmlns": NS,
      uid,
      chronotag: "1741215985791",
      legislature,
      identification: {
        numeroLong: numberLong,
        numeroOrdreDepot: String(spec.number),
        prefixeOrganeExamen: spec.prefixCode ?? (prefix ? "CION_LOIS" : "AN"),
        numeroRect: String(spec.rect ?? 0),
      },
      examenRef: `EXANR5L${legislature}${spec.organ}${/B(?:TC)?\d+$/.exec(spec.text)?.[0] ?? ""}P0D${spec.deliberation ?? 1}`,
      texteLegislatifRef: spec.text,
      triAmendement: spec.order ?? "baaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
      cardinaliteAmdtMultiples: "1",
      amendementParentRef: orNil(spec.parent),
      signataires: {
        auteur: {
          typeAuteur: spec.author.type,
          gouvernementRef: orNil(spec.author.government),
          acteurRef: orNil(spec.author.ref),
          groupePolitiqueRef: orNil(spec.author.group),
          auteurRapporteurOrganeRef: NIL,
        },
        ...(spec.cosigners?.length
          ? { cosignataires: { acteurRef: spec.cosigners.length === 1 ? (spec.cosigners[0] as string) : spec.cosigners } }
          : {}),
        suffixe: NIL,
        libelle: spec.author.label,
      },
      pointeurFragmentTexte: {
        partieAmendableRef: NIL,
        division: {
          titre: spec.division.title,
          articleDesignationCourte: spec.division.short,
          articleDesignation: spec.division.long ?? spec.division.short.replace(/^ART\./, "ARTICLE"),
          type: spec.division.type ?? "ARTICLE",
          avant_A_Apres: spec.division.position ?? "A",
          divisionRattachee: NIL,
          articleAdditionnel: spec.division.additional ? "true" : "false",
          chapitreAdditionnel: "false",
          urlDivisionTexteVise: spec.division.url ?? `/${legislature}/textes/${textNumber}.asp#D_${spec.division.title.replace(/ /g, "_")}`,
        },
        ...(spec.credits
          ? {
              missionVisee: {
                codeEtat: "B",
                codeMissionMinefi: spec.credits.mission.code,
                libelleMission: spec.credits.mission.label,
                missionRef: spec.credits.mission.ref,
              },
            }
          : {}),
        amendementStandard: {
          alinea: spec.alinea ? { avant_A_Apres: NIL, numero: spec.alinea, alineaDesignation: `Alinéa ${spec.alinea}` } : NIL,
        },
      },
      corps: {
        cartoucheInformatif: orNil(spec.notice),
        contenuAuteur: spec.credits
          ? {
              ...creditDispositif(spec.credits),
              avantAppel: NIL,
              exposeSommaire: spec.expose ?? "<p>Exposé sommaire.</p>",
              annexeExposeSommaire: NIL,
            }
          : spec.dispositif === null
            ? NIL
            : {
                dispositif: spec.dispositif ?? "<p>Supprimer cet article.</p>",
                avantAppel: NIL,
                exposeSommaire: spec.expose ?? "<p>Exposé sommaire.</p>",
                annexeExposeSommaire: NIL,
              },
      },
      cycleDeVie: {
        dateDepot: spec.depositedAt,
        datePublication: spec.publishedAt ?? spec.depositedAt,
        soumisArticle40: "false",
        etatDesTraitements: {
          etat: { code: spec.state.code, libelle: spec.state.label },
          sousEtat: spec.subState ? { code: spec.subState.code, libelle: spec.subState.label } : NIL,
        },
        dateSort: orNil(spec.decidedAt),
        sort: orNil(spec.sort),
      },
      representations: {
        representation: {
          nom: "PDF",
          typeMime: { type: "application", subType: "PDF" },
          statutRepresentation: {
            verbatim: "true",
            canonique: "true",
            officielle: "true",
            transcription: "false",
            enregistrement: "false",
          },
          repSource: NIL,
          offset: NIL,
          contenu: { documentURI: `/base/${uid}?format=pdf` },
          dateDispoRepresentation: NIL,
        },
      },
      seanceDiscussionRef: orNil(spec.seance),
      article99: "false",
      loiReference: spec.codeLoi ? { codeLoi: spec.codeLoi.code, divisionCodeLoi: orNil(spec.codeLoi.article) } : NIL,
      discussionCommune: spec.common ? { idDiscussion: spec.common, typePosition: "Premier" } : NIL,
      discussionIdentique: spec.identical ? { idDiscussion: spec.identical, typePosition: "Premier" } : NIL,
      accordGouvernementDepotHorsDelai: "Sans objet",
    },
  };
}

/** One legislative act of a dossier (`acteLegislatif`). */
export interface ActSpec {
  code: string;
  type?: string;
  date?: string;
  label?: string;
  texteAssocie?: string;
  texteAdopte?: string;
  adoptedText?: string;
  conclusion?: { code: string; label: string };
  children?: ActSpec[];
  extra?: Record<string, Json>;
}

function act(spec: ActSpec, dossierUid: string): Record<string, Json> {
  const node: Record<string, Json> = {
    "@xsi:type": spec.type ?? (spec.children ? "Etape_Type" : "Acte_Type"),
    uid: `L-${dossierUid}-${spec.code}`,
    codeActe: spec.code,
    libelleActe: { nomCanonique: spec.label ?? spec.code, libelleCourt: spec.label ?? spec.code },
    organeRef: spec.code.startsWith("SN") ? "PO78718" : "PO838901",
    dateActe: spec.date ? `${spec.date}T00:00:00.000+01:00` : NIL,
  };
  if (spec.texteAssocie) node["texteAssocie"] = spec.texteAssocie;
  if (spec.texteAdopte !== undefined) node["texteAdopte"] = spec.texteAdopte;
  if (spec.conclusion) node["statutConclusion"] = { fam_code: spec.conclusion.code, libelle: spec.conclusion.label };
  if (spec.adoptedText) node["textesAssocies"] = { texteAssocie: { typeTexte: "BTA", refTexteAssocie: spec.adoptedText } };
  Object.assign(node, spec.extra ?? {});
  if (spec.children) {
    const children = spec.children.map((c) => act(c, dossierUid));
    node["actesLegislatifs"] = { acteLegislatif: children.length === 1 ? (children[0] as Json) : children };
  }
  return node;
}

/** A dossier in the AN open-data JSON format (`{"dossierParlementaire": {…}}`). */
export function anDossierJson(spec: {
  uid: string;
  legislature: string;
  title: string;
  slug: string;
  senatUrl?: string;
  procedure: string;
  acts: ActSpec[];
}): { dossierParlementaire: Record<string, Json> } {
  return {
    dossierParlementaire: {
      "@xmlns": NS,
      "@xmlns:xsi": XSI,
      "@xsi:type": "DossierLegislatif_Type",
      uid: spec.uid,
      legislature: spec.legislature,
      titreDossier: { titre: spec.title, titreChemin: spec.slug, senatChemin: orNil(spec.senatUrl) },
      procedureParlementaire: { code: "2", libelle: spec.procedure },
      initiateur: NIL,
      actesLegislatifs: { acteLegislatif: spec.acts.map((a) => act(a, spec.uid)) },
      fusionDossier: NIL,
    },
  };
}

const xmlBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@", format: true, suppressEmptyNode: true });

/** The XML form of an AN JSON document (the JSON is a conversion of that XML). */
export function toAnXml(document: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlBuilder.build(document)}`;
}

/** An acteur of the AN "AMO" open data (`acteur/PA….json`), trimmed to what Navette reads plus its usual frame. */
export function anActorJson(actor: { uid: string; civility: string; firstName: string; lastName: string; groupRef?: string }): unknown {
  const xsi = "http://www.w3.org/2001/XMLSchema-instance";
  return {
    acteur: {
      "@xmlns": "http://schemas.assemblee-nationale.fr/referentiel",
      "@xmlns:xsi": xsi,
      uid: { "@xmlns:xsi": xsi, "@xsi:type": "IdActeur_type", "#text": actor.uid },
      etatCivil: {
        ident: { civ: actor.civility, prenom: actor.firstName, nom: actor.lastName, alpha: actor.lastName, trigramme: null },
        infoNaissance: { dateNais: "1970-01-01", villeNais: "Exempleville", depNais: null, paysNais: "France" },
        dateDeces: { "@xmlns:xsi": xsi, "@xsi:nil": "true" },
      },
      mandats: {
        mandat: actor.groupRef
          ? [
              {
                "@xmlns:xsi": xsi,
                "@xsi:type": "MandatSimple_Type",
                uid: `PM${actor.uid.slice(2)}`,
                acteurRef: actor.uid,
                legislature: "17",
                typeOrgane: "GP",
                dateDebut: "2024-07-19",
                datePublication: "2024-07-19",
                dateFin: null,
                preseance: "20",
                nominPrincipale: "1",
                infosQualite: { codeQualite: "Membre", libQualite: "Membre du", libQualiteSex: "Membre du" },
                organes: { organeRef: actor.groupRef },
              },
            ]
          : [],
      },
    },
  };
}

/** An organe of the AN "AMO" open data (`organe/PO….json`). */
export function anOrganJson(organ: { uid: string; kind: string; name: string; abbreviation: string; legislature?: string }): unknown {
  return {
    organe: {
      "@xmlns": "http://schemas.assemblee-nationale.fr/referentiel",
      "@xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "@xsi:type": organ.kind === "GP" ? "GroupePolitique_type" : "OrganeParlementaire_Type",
      uid: organ.uid,
      codeType: organ.kind,
      libelle: organ.name,
      libelleEdition: `du groupe ${organ.name}`,
      libelleAbrege: organ.abbreviation,
      libelleAbrev: organ.abbreviation,
      viMoDe: { dateDebut: "2024-07-18", dateAgrement: null, dateFin: null },
      organeParent: null,
      chambre: null,
      regime: "5ème République",
      legislature: organ.legislature ?? "17",
      secretariat: { secretaire01: null, secretaire02: null },
    },
  };
}
