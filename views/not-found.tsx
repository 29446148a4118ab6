/**
 * Page shown for unknown addresses.
 */
import { Layout } from "./layout.js";

export function NotFoundPage(props: { what: string }) {
  return (
    <Layout title="Introuvable">
      <h1>Introuvable</h1>
      <p>{props.what}</p>
      <p>
        <a href="/">Retour aux textes suivis</a>
      </p>
    </Layout>
  );
}
