/**
 * The page shown when a request cannot be answered: its heading says what kind of failure it is
 * (a page not found is not a refusal, and neither is an internal error), its text says what to do.
 */
import { Layout } from "./layout.js";

/** The HTTP statuses pages answer with besides 200, and how each is named to the reader. */
export const ERROR_HEADINGS = {
  400: "Requête invalide",
  401: "Connexion nécessaire",
  403: "Accès refusé",
  404: "Introuvable",
  409: "Déjà fait",
  413: "Requête trop volumineuse",
  429: "Trop de tentatives",
  500: "Erreur interne",
} as const;

/** A status an error page can be served with. */
export type ErrorStatus = keyof typeof ERROR_HEADINGS;

/** An error page; the heading follows the status unless a more precise one is given (« Décision refusée »). */
export function ErrorPage(props: { status: ErrorStatus; what: string; heading?: string }) {
  const heading = props.heading ?? ERROR_HEADINGS[props.status];
  return (
    <Layout title={heading}>
      <h1>{heading}</h1>
      <p>{props.what}</p>
      {props.status === 500 ? <p>Réessayez dans quelques instants ; si l'erreur persiste, signalez-la avec l'adresse de la page.</p> : null}
      <p>
        <a href="/">Retour aux textes suivis</a>
      </p>
    </Layout>
  );
}
