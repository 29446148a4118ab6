/**
 * Writers of bill texts in the formats the chambers publish: the AN's current Word-generated
 * HTML (`assnat*` classes, alinéa numbers as images), the AN's older `.asp` pages, the Sénat's
 * `/leg/` pages, and Akoma Ntoso 3.0 with the Sénat's metadata conventions. One logical text,
 * four renderings: the demo data and the tests use them, and the tests check that all four
 * parse to the same articles.
 */

/** A piece of a bill, in reading order. */
export type BillItem =
  | { readonly division: "titre" | "chapitre" | "section"; readonly number: string; readonly heading: string }
  | {
      readonly article: string;
      /** Marker printed in the heading ("(nouveau)"). */
      readonly headingMarker?: string;
      /** Marker printed on its own line ("(Supprimé)", "(Non modifié)"). */
      readonly markerLine?: string;
      readonly alineas: readonly string[];
    }
  | { readonly annex: string; readonly alineas: readonly string[] }
  | { readonly sentence: string };

/** A bill text version. */
export interface BillSpec {
  readonly title: string;
  readonly nature: "pjl" | "ppl";
  readonly number: number;
  readonly legislature: number;
  readonly session: number;
  readonly role: "depose" | "commission" | "adopte";
  readonly items: readonly BillItem[];
}

const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** "Article 8 ter" → "Article 8&nbsp;<i>ter</i>" (Latin suffixes in italics, as printed). */
function headingHtml(text: string, italic: "i" | "em"): string {
  return escape(text)
    .replace(/ (bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)\b/g, `&nbsp;<${italic}>$1</${italic}>`)
    .replace(/^Article 1er\b/, "Article 1<sup>er</sup>")
    .replace(/ ([A-Z]{1,2})$/, "&nbsp;$1");
}

const ORDINALS: Record<number, string> = { 15: "QUINZIÈME", 16: "SEIZIÈME", 17: "DIX-SEPTIÈME" };
const NATURE: Record<BillSpec["nature"], string> = { pjl: "PROJET DE LOI", ppl: "PROPOSITION DE LOI" };
const ROLE_AN: Record<BillSpec["role"], string> = { depose: "", commission: "TEXTE DE LA COMMISSION DES LOIS", adopte: "TEXTE ADOPTÉ" };

/** A transparent 1×1 PNG, standing for the AN's alinéa-number images. */
const PASTILLE = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

/** The AN's current HTML (`/dyn/opendata/<UID>.html`). */
export function renderAnDynHtml(spec: BillSpec): string {
  const out: string[] = [
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>' + escape(spec.title) + "</title>",
    "<style>.assnat9ArticleNum0 { text-align:center } .assnatLoiTexte { text-indent:25.5pt }</style></head><body>",
    '<div class="assnatSection1">',
    `<p class="assnatTitre1">N°&nbsp;${spec.number}</p>`,
    '<p class="assnatTitre1">ASSEMBLÉE NATIONALE</p>',
    `<p class="assnatTitre1">${ORDINALS[spec.legislature] ?? ""} LÉGISLATURE</p>`,
    ROLE_AN[spec.role] ? `<p class="assnatTitre1">${ROLE_AN[spec.role]}</p>` : "",
    `<p class="assnatTitre2">${NATURE[spec.nature]}</p>`,
    '<p class="assnatTitre3">EXPOSÉ DES MOTIFS</p>',
    '<p class="assnatCorpsTexte">Mesdames, Messieurs, cet exposé précède le dispositif et ne doit pas être lu comme un article<a href="#_ftn1"><sup>(1)</sup></a>.</p>',
    "</div>",
    '<div class="assnatSection2">',
    `<p class="assnatTitre2">${NATURE[spec.nature]}</p>`,
  ];
  let inArticle = false;
  for (const item of spec.items) {
    if ("division" in item) {
      const level = item.division === "titre" ? "4Titre" : item.division === "chapitre" ? "5Chapitre" : "6Section";
      out.push(`<p class="assnat${level}Num">${escape(item.division.toUpperCase())} ${escape(item.number)}</p>`);
      out.push(`<p class="assnat${level}Intit">${escape(item.heading)}</p>`);
      inArticle = false;
    } else if ("article" in item) {
      out.push(
        `<p class="assnat9ArticleNum">${headingHtml(item.article, "i")}${item.headingMarker ? ` ${escape(item.headingMarker)}` : ""}</p>`,
      );
      if (item.markerLine) out.push(`<p class="assnatLoiTexte" style="text-align:center"><i>${escape(item.markerLine)}</i></p>`);
      item.alineas.forEach((alinea, i) => {
        const pastille = item.alineas.length > 1 ? `<img src="${PASTILLE}" alt="${i + 1}" width="20" height="20">` : "";
        out.push(`<p class="assnatLoiTexte">${pastille}${escape(alinea)}</p>`);
      });
      inArticle = true;
    } else if ("annex" in item) {
      out.push(`<p class="assnat4TitreIntit" style="text-align:center">ANNEXE</p><p class="assnat4TitreIntit">${escape(item.annex)}</p>`);
      for (const alinea of item.alineas) out.push(`<p class="assnatLoiTexte">${escape(alinea)}</p>`);
    } else {
      out.push(`<p class="assnatLoiTexte">${escape(item.sentence)}</p>`);
    }
  }
  void inArticle;
  out.push("</div>", '<div class="assnatSection3"><p class="assnatFootnoteText">(1) Note de bas de page.</p></div>', "</body></html>");
  return out.filter(Boolean).join("\n");
}

/** The AN's older pages (`/15/ta-commission/r1056-a0.asp`), encoded in ISO-8859-1. */
export function renderAnOldHtml(spec: BillSpec): string {
  const center = (html: string): string => `<p style="text-align: center">${html}</p>`;
  const out: string[] = [
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>N° ' +
      spec.number +
      " - " +
      escape(spec.title) +
      "</title></head><body>",
    '<div id="menu"><a class="menu" href="/index.asp">Accueil</a> &gt; <a class="menu" href="/documents/index.asp">Documents parlementaires</a></div>',
    center(`N°&nbsp;${spec.number}`),
    center("ASSEMBLÉE  NATIONALE"),
    center(`${ORDINALS[spec.legislature] ?? ""} LÉGISLATURE`),
    ROLE_AN[spec.role] ? center(`<b>${ROLE_AN[spec.role]}</b>`) : "",
    center(`<b>${NATURE[spec.nature]}</b>`),
    '<p style="text-align: justify">Voir les numéros&nbsp;:</p>',
  ];
  for (const item of spec.items) {
    if ("division" in item) {
      out.push(
        center(
          `<a name="P${out.length}"></a>${escape(item.division === "titre" ? "TITRE" : item.division === "chapitre" ? "Chapitre" : "Section")} ${escape(item.number)}`,
        ),
      );
      out.push(center(`<b>${escape(item.heading)}</b>`));
    } else if ("article" in item) {
      out.push(
        center(
          `<b><a name="P${out.length}"></a>${headingHtml(item.article, "i")}${item.headingMarker ? ` <i>${escape(item.headingMarker)}</i>` : ""}</b>`,
        ),
      );
      if (item.markerLine) out.push(center(`<i>${escape(item.markerLine)}</i>`));
      for (const alinea of item.alineas) out.push(`<p style="text-align: justify">${escape(alinea)}</p>`);
    } else if ("annex" in item) {
      out.push(center("<b>ANNEXE</b>"), center(`<b>${escape(item.annex)}</b>`));
      for (const alinea of item.alineas) out.push(`<p style="text-align: justify">${escape(alinea)}</p>`);
    } else {
      out.push(`<p style="text-align: justify"><i>${escape(item.sentence)}</i></p>`);
    }
  }
  out.push("</body></html>");
  return out.filter(Boolean).join("\n");
}

/** The Sénat's pages (`/leg/pjl17-659.html`). */
export function renderSenatHtml(spec: BillSpec): string {
  const center = (html: string): string => `<p Align=center>${html}</p>`;
  const out: string[] = [
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html lang="fr"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>' +
      escape(spec.title) +
      "</title></head><body>",
    center(`N°&nbsp;${spec.number}`),
    center("SÉNAT"),
    center(`SESSION ORDINAIRE DE ${spec.session}-${spec.session + 1}`),
    spec.role === "commission" ? center("<strong>TEXTE DE LA COMMISSION</strong>") : "",
    center(`<strong>${NATURE[spec.nature]}</strong>`),
    "<p Align=justify><strong>Voir les num&eacute;ros :</strong></p>",
  ];
  for (const item of spec.items) {
    if ("division" in item) {
      out.push(center(`${escape(item.division.toUpperCase())} ${escape(item.number.toUpperCase())}`));
      out.push(center(`<strong>${escape(item.heading)}</strong>`));
    } else if ("article" in item) {
      out.push(
        center(
          `<strong><A NAME="B${out.length}"></A>${headingHtml(item.article, "em")}${item.headingMarker ? ` <em>${escape(item.headingMarker)}</em>` : ""}</strong>`,
        ),
      );
      if (item.markerLine) out.push(center(`<em>${escape(item.markerLine)}</em>`));
      for (const alinea of item.alineas) out.push(`<p Align=justify>${escape(alinea)}</p>`);
      if (item.markerLine && /Supprim/.test(item.markerLine)) out.push(center(". . . . . . . . . . . . . . . . . . . . . ."));
    } else if ("annex" in item) {
      out.push(center("ANNEXE"), center(`<strong>${escape(item.annex)}</strong>`));
      for (const alinea of item.alineas) out.push(`<p Align=justify>${escape(alinea)}</p>`);
    } else {
      out.push(`<p Align=justify><em>${escape(item.sentence)}</em></p>`);
    }
  }
  out.push("</body></html>");
  return out.filter(Boolean).join("\n");
}

const AKN_KINDS: Record<"titre" | "chapitre" | "section", string> = { titre: "title", chapitre: "chapter", section: "section" };

/** Akoma Ntoso 3.0 as the Sénat publishes it (`/akomantoso/<id>.akn.xml`). */
export function renderAkn(spec: BillSpec, options: { signet: string; variant?: "alinea" | "paragraph" } = { signet: "ppl24-999" }): string {
  const ref = `${spec.nature}${String(spec.session).slice(2)}-${spec.number}`;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">',
    `<bill name="${spec.nature}">`,
    "<meta>",
    '<identification source="#senat">',
    "<FRBRWork>",
    `<FRBRthis value="/akn/fr/bill/${spec.session}/${spec.number}/!main"/>`,
    `<FRBRuri value="/akn/fr/bill/${spec.session}/${spec.number}"/>`,
    `<FRBRalias name="signet-dossier-legislatif-senat" value="${escape(options.signet)}"/>`,
    `<FRBRalias name="url-senat" value="https://www.senat.fr/leg/${ref}.html"/>`,
    `<FRBRalias name="intitule-court" value="${escape(spec.title)}"/>`,
    `<FRBRdate date="${spec.session}-11-20" name="depot"/>`,
    '<FRBRauthor href="#senat"/>',
    '<FRBRcountry value="fr"/>',
    `<FRBRnumber value="${spec.number}"/>`,
    "</FRBRWork>",
    `<FRBRExpression><FRBRthis value="/akn/fr/bill/${spec.session}/${spec.number}/fra@/!main"/><FRBRuri value="/akn/fr/bill/${spec.session}/${spec.number}/fra@"/><FRBRdate date="${spec.session}-11-20" name="depot"/><FRBRauthor href="#senat"/><FRBRlanguage language="fra"/></FRBRExpression>`,
    `<FRBRManifestation><FRBRthis value="/akn/fr/bill/${spec.session}/${spec.number}/fra@/main.xml"/><FRBRuri value="/akn/fr/bill/${spec.session}/${spec.number}/fra@.akn"/><FRBRdate date="${spec.session}-11-21" name="generation"/><FRBRauthor href="#senat"/></FRBRManifestation>`,
    "</identification>",
    `<workflow source="#senat"><step date="${spec.session}-11-20" by="#senat" refersTo="#depot" outcome="#depose"/></workflow>`,
    '<references source="#senat"><TLCOrganization eId="senat" href="/ontology/organization/fr/senat" showAs="Sénat"/></references>',
    "</meta>",
    `<preface><p class="titre">${escape(spec.title)}</p></preface>`,
    "<body>",
  ];
  const open: string[] = [];
  const closeTo = (depth: number): void => {
    while (open.length > depth) out.push(`</${open.pop()}>`);
  };
  let articleIndex = 0;
  for (const item of spec.items) {
    if ("division" in item) {
      const depth = item.division === "titre" ? 0 : item.division === "chapitre" ? 1 : 2;
      closeTo(depth);
      const tag = AKN_KINDS[item.division];
      out.push(
        `<${tag} eId="${tag}_${out.length}"><num>${escape(item.division.toUpperCase())} ${escape(item.number)}</num><heading>${escape(item.heading)}</heading>`,
      );
      open.push(tag);
    } else if ("article" in item) {
      articleIndex++;
      const eId = `art_${articleIndex}`;
      const status = item.markerLine && /Supprim/.test(item.markerLine) ? ' status="removed"' : "";
      out.push(
        `<article eId="${eId}"${status}><num>${escape(item.article)}</num>${item.headingMarker ? `<heading>${escape(item.headingMarker)}</heading>` : ""}`,
      );
      if (item.markerLine && !status) out.push(`<content><p>${escape(item.markerLine)}</p></content>`);
      item.alineas.forEach((alinea, i) => {
        if (options.variant === "paragraph") {
          const num = /^([IVX]+)\. – (.*)$/.exec(alinea);
          out.push(
            num
              ? `<paragraph eId="${eId}__para_${i + 1}"><num>${num[1]}. –</num><content><p>${escape(num[2] ?? "")}</p></content></paragraph>`
              : `<paragraph eId="${eId}__para_${i + 1}"><content><p>${escape(alinea)}</p></content></paragraph>`,
          );
        } else out.push(`<alinea eId="${eId}__al_${i + 1}"><content><p>${escape(alinea)}</p></content></alinea>`);
      });
      out.push("</article>");
    } else if ("sentence" in item) {
      // Outcome sentences have no place in an AKN body: they are workflow outcomes.
    }
  }
  closeTo(0);
  out.push("</body>");
  const annexes = spec.items.filter((i): i is Extract<BillItem, { annex: string }> => "annex" in i);
  if (annexes.length) {
    out.push("<attachments>");
    annexes.forEach((annex, i) => {
      out.push(
        `<attachment eId="att_${i + 1}"><doc name="annexe"><preface><p class="titre">${escape(annex.annex)}</p></preface><mainBody>`,
      );
      for (const alinea of annex.alineas) out.push(`<p>${escape(alinea)}</p>`);
      out.push("</mainBody></doc></attachment>");
    });
    out.push("</attachments>");
  }
  out.push("</bill>", "</akomaNtoso>");
  return out.join("\n");
}
