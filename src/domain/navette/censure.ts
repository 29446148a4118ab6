/**
 * The text of a law after a decision of the Conseil constitutionnel: the articles it censured in
 * whole are printed « (Censuré) », the words it censured are taken out of their article. Pure.
 */
import type { Alinea } from "../bill-text.js";
import type { Censure } from "../constitutional-decision.js";
import type { VersionArticle } from "./completion.js";

/** A censure that could not be applied to the text, with why. */
export interface CensureWarning {
  readonly article: string;
  readonly message: string;
}

const fold = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, " ").replace(/[’]/g, "'");

/** Removes `words` from the first alinéa that contains them; null when none does. */
function withoutWords(alineas: readonly Alinea[], words: string): Alinea[] | null {
  const target = fold(words);
  const index = alineas.findIndex((a) => fold(a.text).includes(target));
  if (index < 0) return null;
  return alineas.map((a, i) =>
    i === index
      ? {
          ...a,
          text: fold(a.text)
            .replace(target, "")
            .replace(/ {2,}/g, " ")
            .replace(/ ([,.;:])/g, "$1")
            .trim(),
        }
      : a,
  );
}

/**
 * The articles of the law as the decision leaves them, from the articles in force before it
 * (`base`): only those the decision touched, since the others are carried over as they were.
 * A censure of a part of an article (« le 2° de l'article 12 ») is reported, not guessed.
 */
export function censuredArticles(
  base: readonly VersionArticle[],
  censures: readonly Censure[],
): { articles: VersionArticle[]; warnings: CensureWarning[] } {
  const byNumber = new Map(base.map((a) => [a.number, a]));
  const touched = new Map<string, VersionArticle>();
  const warnings: CensureWarning[] = [];
  for (const censure of censures) {
    const article = touched.get(censure.article) ?? byNumber.get(censure.article);
    if (!article) {
      warnings.push({ article: censure.article, message: `censure sans article correspondant dans le texte adopté : ${censure.wording}` });
      continue;
    }
    if (censure.kind === "article") {
      touched.set(censure.article, { ...article, status: "censure", alineas: [] });
    } else if (censure.kind === "words" && article.status !== "censure") {
      const alineas = withoutWords(article.alineas, censure.words);
      if (alineas) touched.set(censure.article, { ...article, status: "texte", alineas });
      else warnings.push({ article: censure.article, message: `mots censurés introuvables dans l'article : « ${censure.words} »` });
    } else if (censure.kind === "part") {
      warnings.push({ article: censure.article, message: `censure partielle non reportée dans le texte : ${censure.wording}` });
    }
  }
  return { articles: [...touched.values()], warnings };
}
