/**
 * Writer of a law as Légifrance shows the Journal officiel's text (`/jorf/id/JORFTEXT…`): the
 * site's frame around the law's fixed wording (title, NOR, visas, enacting formula, titles and
 * articles in their final numbering, the closing formula and signatures). The demo and the tests
 * use it; Navette reads the wording, not the frame.
 */
import type { BillItem } from "./text-formats.js";

/** A promulgated law. */
export interface LawSpec {
  /** "2025-999". */
  readonly number: string;
  /** "20 mai 2025". */
  readonly date: string;
  /** "relative à la sécurité des communications". */
  readonly title: string;
  readonly nor: string;
  /** The decision of the Conseil constitutionnel named in the visas, if any ("2025-999 DC du 15 mai 2025"). */
  readonly decision?: string;
  /** Divisions and articles, numbered as in the law; a censured article's `markerLine` is the bracketed notice. */
  readonly items: readonly BillItem[];
}

const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The law's page. */
export function renderJoLaw(spec: LawSpec): string {
  const title = `LOI n° ${spec.number} du ${spec.date} ${spec.title} (1)`;
  const out: string[] = [
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">',
    `<title>${escape(title)} - Légifrance</title></head><body>`,
    '<header><a href="/" class="logo">Légifrance</a><nav><a href="/jorf">Journal officiel</a></nav></header>',
    '<main><div class="main-col">',
    `<h1 class="main-title">${escape(title)}</h1>`,
    `<p class="nor">NOR : ${escape(spec.nor)}</p>`,
    `<p class="eli">ELI : https://www.legifrance.gouv.fr/eli/loi/${spec.number.slice(0, 4)}/${escape(spec.nor)}/jo/texte</p>`,
    '<div class="visas">',
    "<p>L'Assemblée nationale et le Sénat ont adopté,</p>",
    spec.decision ? `<p>Vu la décision du Conseil constitutionnel n° ${escape(spec.decision)} ;</p>` : "",
    "<p>Le Président de la République promulgue la loi dont la teneur suit :</p>",
    "</div>",
  ];
  for (const item of spec.items) {
    if ("division" in item) {
      const word = item.division.charAt(0).toUpperCase() + item.division.slice(1);
      out.push(`<h2 class="title-section">${escape(`${word} ${item.number} : ${item.heading}`)}</h2>`);
    } else if ("article" in item) {
      out.push(`<article><h3 class="name-article">${escape(item.article)}</h3><div class="content">`);
      if (item.markerLine) out.push(`<p>${escape(item.markerLine)}</p>`);
      for (const alinea of item.alineas) out.push(`<p>${escape(alinea)}</p>`);
      out.push("</div></article>");
    }
  }
  out.push(
    "<p>La présente loi sera exécutée comme loi de l'Etat.</p>",
    `<p>Fait à Paris, le ${escape(spec.date)}.</p>`,
    "<p>Par le Président de la République : (signatures, données fictives)</p>",
    "<p>(1) Travaux préparatoires : loi n° " + escape(spec.number) + ".</p>",
    "</div></main>",
    "<footer><p>Légifrance, le service public de la diffusion du droit</p></footer>",
    "</body></html>",
  );
  return out.filter(Boolean).join("\n");
}
