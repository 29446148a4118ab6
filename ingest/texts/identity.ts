/**
 * Which text version a page is, from its address or file name: an AN uid
 * (`/dyn/opendata/PRJLANR5L15BTC1056.html`), an old AN page (`/15/ta-commission/r1056-a0.asp`),
 * or a Sénat text (`/leg/pjl17-659.html`, `/akomantoso/pjl24-010.akn.xml`). Pure.
 */

/** What the address says about the text. */
export interface TextIdentity {
  /** The AN uid when the address carries it. */
  readonly uid: string | null;
  readonly chamber: "AN" | "SN" | null;
  /** End of the AN uid ("L15BTC1056"), to find the full uid among known texts. */
  readonly anSuffix: string | null;
  /** Sénat reference ("pjl17-659"), with its session start year and number. */
  readonly senat: { readonly ref: string; readonly kind: string; readonly year: number; readonly number: string } | null;
  readonly number: string | null;
  /** Role of the text when the address tells it. */
  readonly role: "depose" | "commission" | "adopte" | null;
  /** Uid to use when no known text matches. */
  readonly fallbackUid: string | null;
}

const AN_UID = /\b((?:PRJL|PION|PNRE|PPRE|PRJC|PNRR)[A-Z]{2}R5L\d{2}B(?:TC|TA)?\d{4})\b/;
const AN_OLD = /\/(\d{2})\/(ta-commission|ta|projets|propositions|rapports)\/(r|ta|pl|pion|tc)?(\d{3,4})(?:-a0)?\.(?:asp|html?)/i;
const SENAT = /\b(pjl|ppl|tas|tc|tce|pjlc)(\d{2})-(\d{1,4})\b/i;

/**
 * Reads a text's identity from its address or file name, else from what its cover page says
 * (`metadata`: numero, legislature, session, role, nature — see the HTML parser).
 */
export function identifyText(location: string, metadata: Readonly<Record<string, string>> = {}): TextIdentity {
  const fromLocation = identifyFromLocation(location);
  if (fromLocation.fallbackUid || !metadata["numero"]) return fromLocation;
  const number = metadata["numero"];
  const role = (metadata["role"] as TextIdentity["role"] | undefined) ?? "depose";
  if (metadata["legislature"]) {
    const infix = role === "commission" ? "TC" : role === "adopte" ? "TA" : "";
    const suffix = `L${metadata["legislature"]}B${infix}${number.padStart(4, "0")}`;
    return { uid: null, chamber: "AN", anSuffix: suffix, senat: null, number, role, fallbackUid: `ANR5${suffix}` };
  }
  if (metadata["session"]) {
    const kind = role === "adopte" ? "tas" : (metadata["nature"] ?? "pjl");
    const ref = `${kind}${metadata["session"].slice(2)}-${number}`;
    return {
      uid: null,
      chamber: "SN",
      anSuffix: null,
      senat: { ref, kind, year: Number(metadata["session"]), number },
      number,
      role,
      fallbackUid: `SENAT-${ref}`,
    };
  }
  return fromLocation;
}

function identifyFromLocation(location: string): TextIdentity {
  const uid = AN_UID.exec(location)?.[1] ?? null;
  if (uid) {
    const kind = /B(TC|TA)?\d{4}$/.exec(uid)?.[1];
    return {
      uid,
      chamber: /^[A-Z]{4}SN/.test(uid) ? "SN" : "AN",
      anSuffix: /L\d{2}B(?:TC|TA)?\d{4}$/.exec(uid)?.[0] ?? null,
      senat: null,
      number: String(Number(/(\d{4})$/.exec(uid)?.[1] ?? "0")),
      role: kind === "TC" ? "commission" : kind === "TA" ? "adopte" : "depose",
      fallbackUid: uid,
    };
  }
  const old = AN_OLD.exec(location);
  if (old) {
    const [, legislature, folder, prefix] = old;
    const number = String(Number(old[4]));
    const committee = /ta-commission|rapports/i.test(folder ?? "") || /^(r|tc)$/i.test(prefix ?? "");
    const adopted = !committee && (/^ta$/i.test(folder ?? "") || /^ta$/i.test(prefix ?? ""));
    const infix = committee ? "TC" : adopted ? "TA" : "";
    const suffix = `L${legislature}B${infix}${number.padStart(4, "0")}`;
    return {
      uid: null,
      chamber: "AN",
      anSuffix: suffix,
      senat: null,
      number,
      role: committee ? "commission" : adopted ? "adopte" : "depose",
      fallbackUid: `ANR5${suffix}`,
    };
  }
  const senat = SENAT.exec(location);
  if (senat) {
    const kind = (senat[1] ?? "").toLowerCase();
    const year = 2000 + Number(senat[2]);
    const number = String(Number(senat[3]));
    const ref = `${kind}${senat[2]}-${senat[3]}`;
    return {
      uid: null,
      chamber: "SN",
      anSuffix: null,
      senat: { ref, kind, year, number },
      number,
      role: kind === "tas" ? "adopte" : kind.startsWith("tc") ? "commission" : "depose",
      fallbackUid: `SENAT-${ref}`,
    };
  }
  return { uid: null, chamber: null, anSuffix: null, senat: null, number: null, role: null, fallbackUid: null };
}

/** A Sénat text: its kind (`ppl`, `pjl`, `tas`…), the year its session starts, its number. */
export interface SenatText {
  readonly kind: string;
  readonly year: number;
  readonly number: string;
}

/**
 * The Sénat text a stored uid names: `SENAT-ppl24-256` (the Sénat's own reference) or
 * `PIONSNR5S2024BTC0256` (as the Assemblée's dossiers name it: committee texts share the tabled
 * texts' numbering, adopted texts are `tas`). Null for any other uid.
 */
export function senatTextOfUid(uid: string): SenatText | null {
  const senat = /^SENAT-([a-z]+)(\d{2})-0*(\d+)$/.exec(uid);
  if (senat) return { kind: senat[1]!, year: 2000 + Number(senat[2]), number: senat[3]! };
  const an = /^(PION|PRJL)SNR5S\d{2}(\d{2})B(TC|TA)?0*(\d+)$/.exec(uid);
  if (!an) return null;
  return { kind: an[3] === "TA" ? "tas" : an[1] === "PION" ? "ppl" : "pjl", year: 2000 + Number(an[2]), number: an[4]! };
}

/** The Sénat's reference of a text, its number on three digits at least: `tas24-059`. */
export function senatRef(text: SenatText): string {
  return `${text.kind}${String(text.year).slice(2)}-${text.number.padStart(3, "0")}`;
}
