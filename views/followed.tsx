/**
 * Followed bills (« Textes suivis par adresse »): each with its last sync — when, what changed,
 * what did not come — and, for the staff, the form to follow a bill by its address or stop.
 */
import { Layout } from "./layout.js";
import { CsrfField } from "./account.js";
import { frenchDate, plural } from "./format.js";
import type { FollowedView } from "./models.js";

const STATUS_LABELS: Record<string, string> = { ok: "réussie", partial: "partielle (des fichiers en échec)", failed: "échouée" };

/** The page; `staff` carries the form's token and state for staff and admins. */
export function FollowedPage(props: {
  followed: readonly FollowedView[];
  staff: { readonly csrf: string; readonly error?: string; readonly address?: string } | null;
}) {
  return (
    <Layout title="Textes suivis par adresse">
      <h1>Textes suivis par adresse</h1>
      <p>
        Navette récupère pour chacun, à chaque synchronisation (<code>navette sync</code>), son dossier, le texte de chaque étape et les
        amendements de chaque texte.
      </p>
      {props.staff ? <FollowForm {...props.staff} /> : null}
      {props.followed.length === 0 ? <p class="empty">Aucun texte suivi.</p> : null}
      {props.followed.map((f) => (
        <FollowedItem followed={f} csrf={props.staff?.csrf ?? null} />
      ))}
    </Layout>
  );
}

function FollowForm(props: { csrf: string; error?: string; address?: string }) {
  return (
    <form method="post" action="/suivis" class="account-form">
      <CsrfField token={props.csrf} />
      {props.error ? (
        <p class="notice" role="alert">
          {props.error}
        </p>
      ) : null}
      <label>
        Suivre un texte : adresse de son dossier (Assemblée ou Sénat)
        <input
          type="text"
          name="adresse"
          required
          maxlength={500}
          value={props.address ?? ""}
          placeholder="https://www.senat.fr/dossier-legislatif/pjl24-123.html"
        />
      </label>
      <button type="submit">Suivre</button>
    </form>
  );
}

function FollowedItem(props: { followed: FollowedView; csrf: string | null }) {
  const f = props.followed;
  const d = f.digest;
  return (
    <section class="followed" aria-labelledby={`suivi-${f.id}`}>
      <h2 id={`suivi-${f.id}`}>
        {f.dossier ? <a href={`/dossiers/${encodeURIComponent(f.dossier.uid)}`}>{f.dossier.title}</a> : f.key}{" "}
        <span class="muted">
          ({f.source === "an" ? "Assemblée" : "Sénat"}, {f.key})
        </span>
      </h2>
      <p>
        {f.lastSyncAt
          ? `Dernière synchronisation le ${frenchDate(f.lastSyncAt)} : ${STATUS_LABELS[f.lastSyncStatus ?? ""] ?? f.lastSyncStatus ?? "?"}.`
          : "Pas encore synchronisé."}
      </p>
      {d ? (
        <p>
          {plural(d.imported, "fichier importé", "fichiers importés")}, {plural(d.unchanged, "inchangé", "inchangés")},{" "}
          {plural(d.missing, "absent", "absents")}, {d.failed} en échec — {plural(d.created, "nouveau", "nouveaux")},{" "}
          {plural(d.changed, "modifié", "modifiés")}.
        </p>
      ) : null}
      {d && d.problems.length > 0 ? (
        <ul class="sync-problems">
          {d.problems.map((p) => (
            <li>
              {p.outcome === "missing" ? "Absent" : "Échec"} : {p.about} (<code>{p.url}</code>)
              {p.message && p.outcome === "failed" ? ` — ${p.message}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {props.csrf ? (
        <form method="post" action={`/suivis/${f.id}/arreter`}>
          <CsrfField token={props.csrf} />
          <button type="submit" class="secondary">
            Ne plus suivre
          </button>
        </form>
      ) : null}
    </section>
  );
}
