/**
 * Account pages: sign in, invitation, administration of accounts.
 */
import { Layout } from "./layout.js";
import { ROLE_LABELS, type Role } from "../src/accounts/roles.js";
import { TableScroll } from "./partials/scroll.js";

/** The roles an invitation can give, the least privileged first. */
const INVITATION_ROLES: readonly Role[] = ["volunteer", "staff", "admin"];

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export function LoginPage(props: { csrf: string; error?: string; email?: string; next?: string }) {
  return (
    <Layout title="Connexion">
      <h1>Connexion</h1>
      {props.error ? (
        <p class="notice" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/connexion" class="account-form">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="suite" value={props.next ?? "/"} />
        <label>
          Adresse électronique <input type="email" name="email" required autocomplete="username" value={props.email ?? ""} />
        </label>
        <label>
          Mot de passe <input type="password" name="motdepasse" required autocomplete="current-password" />
        </label>
        <button type="submit">Se connecter</button>
      </form>
    </Layout>
  );
}

/**
 * The form of an invitation. On a refusal it keeps what was typed (`name`, `email`), never the
 * password.
 */
export function InvitationPage(props: { csrf: string; token: string; role: string; error?: string; name?: string; email?: string }) {
  return (
    <Layout title="Créer votre compte">
      <h1>Créer votre compte ({ROLE_LABELS[props.role as Role] ?? props.role})</h1>
      {props.error ? (
        <p class="notice" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action={`/invitation/${encodeURIComponent(props.token)}`} class="account-form">
        <CsrfField token={props.csrf} />
        <label>
          Nom affiché <input name="nom" required maxlength={80} autocomplete="name" value={props.name ?? ""} />
        </label>
        <label>
          Adresse électronique <input type="email" name="email" required autocomplete="username" value={props.email ?? ""} />
        </label>
        <label>
          Mot de passe (12 caractères au moins){" "}
          <input type="password" name="motdepasse" required minlength={12} autocomplete="new-password" />
        </label>
        <button type="submit">Créer le compte</button>
      </form>
    </Layout>
  );
}

export function AdminUsersPage(props: {
  csrf: string;
  users: ReadonlyArray<{ id: number; email: string; display_name: string; role: string; disabled: number }>;
  invitationLink?: string;
}) {
  return (
    <Layout title="Comptes">
      <h1>Comptes</h1>
      {props.invitationLink ? (
        <p class="notice">
          Lien d'invitation, affiché une seule fois : <code>{props.invitationLink}</code>
        </p>
      ) : null}
      <form method="post" action="/admin/invitations">
        <CsrfField token={props.csrf} />
        <label>
          Inviter un compte{" "}
          <select name="role">
            {/* The least privilege first and selected: an invitation gives more only when asked. */}
            {INVITATION_ROLES.map((value) => (
              <option value={value} selected={value === "volunteer"}>
                {ROLE_LABELS[value]}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit">Créer un lien d'invitation</button>
      </form>
      <TableScroll label="Comptes">
        <table>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse</th>
              <th scope="col">Rôle</th>
              <th scope="col">Modifier</th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((u) => (
              <tr>
                <td>{u.display_name}</td>
                <td>{u.email}</td>
                <td>
                  {ROLE_LABELS[u.role as Role] ?? u.role}
                  {u.disabled ? " (désactivé)" : ""}
                </td>
                <td>
                  <form method="post" action={`/admin/utilisateurs/${u.id}`} class="inline">
                    <CsrfField token={props.csrf} />
                    <label>
                      Rôle de {u.display_name}{" "}
                      <select name="role">
                        {Object.entries(ROLE_LABELS).map(([value, label]) => (
                          <option value={value} selected={value === u.role}>
                            {label}
                          </option>
                        ))}
                      </select>
                    </label>{" "}
                    <label>
                      <input type="checkbox" name="desactive" value="1" checked={u.disabled === 1} /> désactivé
                    </label>{" "}
                    <button type="submit">Enregistrer</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Layout>
  );
}
