/**
 * A theme's page (every provision of every bill with that theme), and a code article's page
 * (every provision and amendment that cites it).
 */
import { amendmentNumberLabel, lawNumbered } from "../src/domain/wording.js";
import { Layout } from "./layout.js";
import { capitalised, labelOf, plural, provisionPath } from "./format.js";
import { codeArticleLabel, codeName } from "../src/domain/tagging/citations.js";
import { legifranceCodeUrl } from "../src/domain/links.js";
import { PROVISION_STATUS_LABELS, type ProvisionStatus } from "../src/domain/navette/engine.js";
import { OUTCOME_LABELS } from "../src/domain/amendment.js";
import { TableScroll } from "./partials/scroll.js";

interface ProvisionItem {
  readonly dossier_uid: string;
  readonly subject_id: string;
  readonly first_number: string;
  readonly last_number: string;
  readonly law_number: string | null;
  readonly last_status: string;
  readonly title: string;
}
interface AmendmentItem {
  readonly uid: string;
  readonly number_long: string;
  readonly outcome: string;
  readonly target_article: string | null;
  readonly author_name: string | null;
}

function Lists(props: { provisions: readonly ProvisionItem[]; amendments: readonly AmendmentItem[] }) {
  const byDossier = new Map<string, ProvisionItem[]>();
  for (const p of props.provisions) (byDossier.get(p.title) ?? byDossier.set(p.title, []).get(p.title)!).push(p);
  return (
    <>
      <h2>Articles ({props.provisions.length})</h2>
      {props.provisions.length === 0 ? <p class="empty">Aucun article.</p> : null}
      {[...byDossier.entries()].map(([title, items]) => (
        <section>
          <h3>
            <a href={`/dossiers/${encodeURIComponent(items[0]!.dossier_uid)}`}>{title}</a>
          </h3>
          <ul>
            {items.map((p) => (
              <li>
                <a href={provisionPath(p.dossier_uid, p.subject_id)}>
                  Article{" "}
                  {lawNumbered({
                    navette: p.first_number === p.last_number ? p.first_number : `${p.first_number} → ${p.last_number}`,
                    law: p.law_number,
                  })}
                </a>{" "}
                <span class={`badge status-${p.last_status}`}>
                  {PROVISION_STATUS_LABELS[p.last_status as ProvisionStatus] ?? p.last_status}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>Amendements ({props.amendments.length})</h2>
      {props.amendments.length === 0 ? (
        <p class="empty">Aucun amendement.</p>
      ) : (
        <ul>
          {props.amendments.map((a) => (
            <li>
              <a href={`/amendements/${encodeURIComponent(a.uid)}`}>{amendmentNumberLabel(a.number_long)}</a> — {a.author_name ?? "—"},
              article {a.target_article ?? "—"} <span class={`badge outcome-${a.outcome}`}>{labelOf(OUTCOME_LABELS, a.outcome)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ThemePage(props: {
  id: string;
  label: string;
  description: string;
  provisions: readonly ProvisionItem[];
  amendments: readonly AmendmentItem[];
}) {
  return (
    <Layout
      title={props.label}
      feed={{ title: `Thème : ${props.label}`, path: `/flux/themes/${encodeURIComponent(props.id)}`, follow: "Suivre ce thème" }}
    >
      <h1>Thème : {props.label}</h1>
      <p>{props.description}</p>
      <p class="muted">
        Trouvé par les règles de Navette, publiées avec le logiciel, et corrigé par les décisions des membres de l'équipe.
      </p>
      <Lists provisions={props.provisions} amendments={props.amendments} />
    </Layout>
  );
}

export function CodeArticlePage(props: {
  code: string;
  article: string;
  provisions: readonly ProvisionItem[];
  amendments: readonly AmendmentItem[];
}) {
  return (
    <Layout
      title={capitalised(codeArticleLabel(props.code, props.article))}
      feed={{
        title: capitalised(codeArticleLabel(props.code, props.article)),
        path: `/flux/codes/${encodeURIComponent(props.code)}/${encodeURIComponent(props.article)}`,
        follow: "Suivre cet article de code",
      }}
    >
      <h1>{capitalised(codeArticleLabel(props.code, props.article))}</h1>
      <p class="muted">
        Tous les articles de loi et amendements suivis qui citent cet article.
        {legifranceCodeUrl(props.code) ? (
          <>
            {" "}
            <a href={legifranceCodeUrl(props.code) ?? ""}>Le {codeName(props.code)} sur Légifrance</a>
          </>
        ) : null}
      </p>
      <Lists provisions={props.provisions} amendments={props.amendments} />
    </Layout>
  );
}

/** Every theme of the rules, what it covers, and how many articles and amendments carry it. */
export function ThemesIndexPage(props: {
  themes: ReadonlyArray<{ id: string; label: string; description: string }>;
  counts: ReadonlyMap<string, { provisions: number; amendments: number }>;
}) {
  return (
    <Layout title="Thèmes de surveillance">
      <h1>Thèmes de surveillance</h1>
      <p class="muted">
        Chaque article, à chaque étape, et chaque amendement sont marqués par des règles lisibles ; chaque marque dit quels mots l'ont
        déclenchée.
      </p>
      <TableScroll label="Thèmes">
        <table class="themes">
          <thead>
            <tr>
              <th scope="col">Thème</th>
              <th scope="col">Ce qu'il recouvre</th>
              <th scope="col">Articles</th>
              <th scope="col">Amendements</th>
            </tr>
          </thead>
          <tbody>
            {props.themes.map((t) => (
              <tr>
                <th scope="row">
                  <a href={`/themes/${encodeURIComponent(t.id)}`}>{t.label}</a>
                </th>
                <td>{t.description}</td>
                <td>{props.counts.get(t.id)?.provisions ?? 0}</td>
                <td>{props.counts.get(t.id)?.amendments ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Layout>
  );
}

/** Every code article cited by the texts and amendments followed, grouped by code. */
export function CodesIndexPage(props: { articles: ReadonlyArray<{ code: string; article: string; subjects: number }> }) {
  const codes = [...new Set(props.articles.map((a) => a.code))];
  return (
    <Layout title="Articles de codes cités">
      <h1>Articles de codes cités</h1>
      {codes.length === 0 ? (
        <p class="empty">Aucun article de code cité pour l'instant.</p>
      ) : (
        codes.map((code) => (
          <section class="code-index">
            <h2>{capitalised(codeName(code))}</h2>
            <ul class="code-articles">
              {props.articles
                .filter((a) => a.code === code)
                .map((a) => (
                  <li>
                    <a href={`/codes/${encodeURIComponent(a.code)}/${encodeURIComponent(a.article)}`}>{a.article}</a>{" "}
                    <span class="muted">({plural(a.subjects, "texte ou amendement", "textes ou amendements")})</span>
                  </li>
                ))}
            </ul>
          </section>
        ))
      )}
    </Layout>
  );
}
