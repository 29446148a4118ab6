/**
 * Writer of a decision page of the Conseil constitutionnel (`/decision/<year>/<number>DC.htm`): the
 * site's frame around the decision's text, which follows the decisions' fixed wording (saisine,
 * visas, grounds, « LE CONSEIL CONSTITUTIONNEL DÉCIDE : », articles of the dispositif). The demo
 * and the tests use it; Navette reads the wording, not the frame.
 */

/** A decision, as its text reads. */
export interface DecisionSpec {
  /** "2025-999". */
  readonly number: string;
  /** "15 mai 2025". */
  readonly date: string;
  /** "loi relative à la sécurité des communications". */
  readonly law: string;
  readonly referral: string;
  /** Numbered grounds (« 1. … »), and the headings between them (« - Sur … : »). */
  readonly grounds: readonly string[];
  /** The articles of the dispositif, each a list of lines (a heading line then its items). */
  readonly dispositif: ReadonlyArray<readonly string[]>;
}

const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The decision page. */
export function renderDecisionPage(spec: DecisionSpec): string {
  const title = `Décision n° ${spec.number} DC du ${spec.date}`;
  const paragraph = (text: string): string => `<p>${escape(text)}</p>`;
  const ordinal = (i: number): string => (i === 0 ? "1er" : String(i + 1));
  return [
    '<!DOCTYPE html><html lang="fr" dir="ltr"><head><meta charset="utf-8">',
    `<title>${escape(title)} | Conseil constitutionnel</title></head><body>`,
    '<header role="banner"><a href="/" class="site-logo">Conseil constitutionnel</a>',
    '<nav class="breadcrumb"><a href="/">Accueil</a> › <a href="/les-decisions">Les décisions</a></nav></header>',
    '<main role="main"><article class="node-decision">',
    `<h1 class="page-title">${escape(title)}</h1>`,
    `<div class="field--name-field-titre">${escape(spec.law.charAt(0).toUpperCase() + spec.law.slice(1))}</div>`,
    '<div class="field--name-field-nature">Conformité partielle</div>',
    '<div class="field--name-body">',
    paragraph(
      `LE CONSEIL CONSTITUTIONNEL A ÉTÉ SAISI, dans les conditions prévues au deuxième alinéa de l'article 61 de la Constitution, de la ${spec.law}, sous le n° ${spec.number} DC, ${spec.referral}`,
    ),
    paragraph("Au vu des textes suivants :"),
    paragraph("- la Constitution ;"),
    paragraph("- l'ordonnance n° 58-1067 du 7 novembre 1958 portant loi organique sur le Conseil constitutionnel ;"),
    paragraph("Et après avoir entendu le rapporteur ;"),
    paragraph("LE CONSEIL CONSTITUTIONNEL S'EST FONDÉ SUR CE QUI SUIT :"),
    ...spec.grounds.map(paragraph),
    paragraph("LE CONSEIL CONSTITUTIONNEL DÉCIDE :"),
    ...spec.dispositif.flatMap((lines, i) => [
      `<p><strong>Article ${ordinal(i)}.</strong> - ${escape(lines[0] ?? "")}</p>`,
      ...lines.slice(1).map(paragraph),
    ]),
    paragraph(
      `Jugé par le Conseil constitutionnel dans sa séance du ${spec.date}, où siégeaient : M. Exemple, Président, Mmes et MM. les membres (données fictives).`,
    ),
    paragraph(`Rendu public le ${spec.date}.`),
    "</div>",
    `<div class="field--name-field-ecli">ECLI : FR:CC:${spec.number.slice(0, 4)}:${spec.number}.DC</div>`,
    "</article></main>",
    '<footer role="contentinfo"><p>© Conseil constitutionnel</p></footer>',
    "</body></html>",
  ].join("\n");
}
