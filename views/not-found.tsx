/**
 * Page shown for unknown addresses.
 */
import { Layout } from "./layout.js";

/** An error page; "Introuvable" unless another heading is given (refused or invalid input). */
export function NotFoundPage(props: { what: string; heading?: string }) {
  return (
    <Layout title={props.heading ?? "Introuvable"}>
      <h1>{props.heading ?? "Introuvable"}</h1>
      <p>{props.what}</p>
      <p>
        <a href="/">Retour aux textes suivis</a>
      </p>
    </Layout>
  );
}
