/**
 * Page shown for unknown addresses (404): the error page with its « Introuvable » heading.
 */
import { ErrorPage } from "./error.js";

/** A page not found; `heading` names what was looked for when more precise than « Introuvable ». */
export function NotFoundPage(props: { what: string; heading?: string }) {
  return <ErrorPage status={404} what={props.what} {...(props.heading ? { heading: props.heading } : {})} />;
}
