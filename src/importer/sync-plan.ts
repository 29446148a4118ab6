/**
 * What `navette sync` fetches for a followed bill, from what is known of it: first its dossier
 * (Sénat page and feed, or the Assemblée's dossiers dump), then, from the dossier's steps, the text
 * of every step and the amendments filed on each text (Sénat jeux complets and dérouleur, the
 * Assemblée's amendments dump). Pure: addresses in, list of sources out.
 */
import type { SourceAddresses } from "../config.js";
import type { FollowTarget } from "../domain/follow-address.js";
import { decisionNumberOf } from "../domain/constitutional-decision.js";
import { senatRef, senatTextOfUid, type SenatText } from "../../ingest/texts/identity.js";

/** One file to fetch and import. */
export interface SyncSource {
  /** The `navette ingest` source kind that reads it. */
  readonly kind: string;
  readonly url: string;
  /** What it is, in French, for the summary and the errors (« texte pjl16-310 »). */
  readonly about: string;
  /** Keep only the records of this dossier (the Assemblée's dumps hold a whole legislature). */
  readonly onlyDossier?: string;
}

/** A step of the dossier, as stored: its text and the text's role, and what else it names (a decision). */
export interface SyncStep {
  readonly textUid: string | null;
  readonly textRole: string | null;
  readonly details?: Readonly<Record<string, string>>;
}

const AN_DOSSIER = /^DLR5L\d{2}N\d+$/;
const AN_TEXT = /^(?:PRJL|PION|PNRE|PPRE|PRJC|PNRR)[A-Z]{2}R5L\d{2}B(?:TC|TA)?\d{4}$/;
/** The law as promulgated (`LOI-2025-532`), fetched from the Légifrance address its dossier gives. */
const LAW_TEXT = /^LOI-\d{4}-\d+$/;
/** A text of an older legislature known by its number only (the Sénat's pages link the AN's `.asp` pages). */
const AN_OLD_TEXT = /^ANR5L(\d{2})B(TC|TA)?(\d{4})$/;

/** The dossier's own sources. */
export function dossierSources(target: FollowTarget, addresses: SourceAddresses): SyncSource[] {
  if (target.source === "senat") {
    return [
      { kind: "senat-dossier", url: `${addresses.senat}/dossier-legislatif/${target.key}.html`, about: "page du dossier au Sénat" },
      { kind: "senat-dossier", url: `${addresses.senat}/dossierleg/rss/dosleg${target.key}.xml`, about: "flux du dossier au Sénat" },
    ];
  }
  return [{ kind: "an-dossiers", url: addresses.anDossiers, about: "dossiers législatifs de l'Assemblée", onlyDossier: target.key }];
}

/**
 * The texts of the steps and their amendments; `unknown` lists the texts whose address cannot be
 * told from what is stored (an old Assemblée page without uid).
 */
export function stepSources(
  dossierUid: string,
  steps: readonly SyncStep[],
  addresses: SourceAddresses,
  billKind: "projet" | "proposition",
): { sources: SyncSource[]; unknown: string[] } {
  const sources: SyncSource[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const step of steps) {
    const uid = step.textUid;
    if (!uid || seen.has(uid)) continue;
    seen.add(uid);
    const senat = senatTextOfUid(uid);
    const legifrance = LAW_TEXT.test(uid) ? step.details?.["legifrance"] : undefined;
    if (legifrance && URL.canParse(legifrance)) {
      const page = new URL(legifrance);
      sources.push({
        kind: "jo-loi",
        url: `${addresses.legifrance}${page.pathname}${page.search}`,
        about: `loi n° ${uid.slice(4)} au Journal officiel`,
      });
    } else if (senat) {
      sources.push(...senatTextSources(senat, step.textRole, addresses));
    } else if (AN_TEXT.test(uid)) {
      sources.push({ kind: "an-texte", url: `${addresses.an}/dyn/opendata/${uid}.html`, about: `texte ${uid}` });
    } else if (AN_OLD_TEXT.test(uid)) {
      sources.push(anOldTextSource(AN_OLD_TEXT.exec(uid)!, billKind, addresses));
    } else {
      unknown.push(uid);
    }
  }
  for (const step of steps) {
    const decision = step.details ? decisionNumberOf(step.details) : null;
    const match = decision ? /^(\d{4})-(\d+) DC$/.exec(decision) : null;
    if (match)
      sources.push({
        kind: "cc-decision",
        url: `${addresses.conseilConstitutionnel}/decision/${match[1]}/${match[1]}${match[2]}DC.htm`,
        about: `décision n° ${decision} du Conseil constitutionnel`,
      });
  }
  if (AN_DOSSIER.test(dossierUid))
    sources.push({ kind: "an-amendements", url: addresses.anAmendments, about: "amendements de l'Assemblée", onlyDossier: dossierUid });
  return { sources, unknown };
}

/** An older AN text page: `/14/projets/pl4420.asp`, `/14/ta-commission/r4431-a0.asp`, `/14/ta/ta0908.asp`. */
function anOldTextSource(match: RegExpExecArray, billKind: "projet" | "proposition", addresses: SourceAddresses): SyncSource {
  const [, legislature, infix, number] = match;
  const page =
    infix === "TC"
      ? `ta-commission/r${number}-a0.asp`
      : infix === "TA"
        ? `ta/ta${number}.asp`
        : billKind === "projet"
          ? `projets/pl${number}.asp`
          : `propositions/pion${number}.asp`;
  return { kind: "an-texte", url: `${addresses.an}/${legislature}/${page}`, about: `texte n° ${Number(number)} de l'Assemblée` };
}

/** A Sénat text, and the amendments filed on it: in committee on the tabled text, in séance on the committee's. */
function senatTextSources(text: SenatText, role: string | null, addresses: SourceAddresses): SyncSource[] {
  const ref = senatRef(text);
  const session = `${text.year}-${text.year + 1}`;
  const n = String(Number(text.number));
  const base = addresses.senat;
  const sources: SyncSource[] = [{ kind: "senat-texte", url: `${base}/leg/${ref}.html`, about: `texte ${ref}` }];
  if (role === "depose")
    sources.push({
      kind: "senat-amendements",
      url: `${base}/amendements/commissions/${session}/${n}/jeu_complet_commission_${session}_${n}.csv`,
      about: `amendements de commission sur le texte ${ref}`,
    });
  if (role === "commission")
    sources.push(
      {
        kind: "senat-amendements",
        url: `${base}/amendements/${session}/${n}/jeu_complet_${session}_${n}.csv`,
        about: `amendements de séance sur le texte ${ref}`,
      },
      {
        kind: "senat-derouleur",
        url: `${base}/enseance/${session}/${n}/liste_discussion.json`,
        about: `dérouleur de séance du texte ${ref}`,
      },
    );
  return sources;
}
