/**
 * Which passwords are accepted: 12 characters at least, and not guessable — judged by zxcvbn-ts
 * (common passwords, French and common dictionaries, keyboard patterns, repeats, sequences, dates,
 * the person's own name and address), a kept library rather than a hand-written rule set.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as french from "@zxcvbn-ts/language-fr";
import { MIN_PASSWORD_LENGTH } from "./password.js";

/** zxcvbn's score (0 to 4) a password must reach: 3 is "safely unguessable" for an online attack. */
export const MIN_PASSWORD_SCORE = 3;

let checker: ZxcvbnFactory | null = null;

/** Built on first use: the dictionaries take a moment to load. */
function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...french.dictionary },
    graphs: common.adjacencyGraphs,
    translations: french.translations,
  });
  return checker;
}

/**
 * Why a password is refused, in French, or null when it is accepted. `personal` holds what the
 * person typed elsewhere in the form (name, address): a password made of them is refused.
 */
export function passwordProblem(password: string, personal: readonly string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (password.length > 256) return "Le mot de passe ne peut dépasser 256 caractères.";
  const inputs = personal.flatMap((p) => [p, ...p.split(/[\s@._-]+/)]).filter((p) => p.length >= 3);
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const sentence = (text: string | null): string => (!text ? "" : /[.!?]$/.test(text) ? text : `${text}.`);
  const advice = [result.feedback.warning, ...result.feedback.suggestions].map(sentence).filter(Boolean).join(" ");
  return `Ce mot de passe est trop facile à deviner.${advice ? ` ${advice}` : ""} Choisissez par exemple quatre mots sans rapport entre eux.`;
}
