/**
 * The page of a bill known only by its amendments (a dump of amendments imported before the
 * dossier): its texts, each article with its amendments and their outcomes, marked partial, with
 * the command that completes it.
 */
import type { PartialDossierView } from "./models.js";
import { OUTCOME_LABELS } from "../src/domain/amendment.js";
import { amendmentNumberLabel, partialDossierTitle } from "../src/domain/wording.js";
import { anDossierUrl } from "../src/domain/links.js";
import { Layout } from "./layout.js";
import { labelOf, outcomeCount, plural } from "./format.js";

const where = (chamber: string, stage: string | null): string =>
  `${chamber === "SN" ? "Sénat" : "Assemblée"}${stage === "commission" ? ", commission" : stage === "seance" ? ", séance" : ""}`;

export function PartialDossierPage(props: { dossier: PartialDossierView }) {
  const d = props.dossier;
  const address = anDossierUrl(d.uid, d.legislature) ?? d.uid;
  const title = partialDossierTitle(d.texts.map((t) => t.textNumber ?? t.textUid));
  const adopted = d.outcomes.get("adopte") ?? 0;
  return (
    <Layout title={title}>
      <p class="breadcrumb">
        <a href="/dossiers">Textes</a>
      </p>
      <h1>{title}</h1>
      <div class="notice partial-notice">
        <p>
          Ce texte n'est connu que par ses amendements : son dossier (titre, étapes, textes de chaque lecture) n'a pas encore été importé,
          si bien que le suivi article par article et les thèmes des articles manquent.
        </p>
        <p>
          Pour le compléter : <code>navette suivre {address}</code>, puis <code>navette sync</code>.
        </p>
      </div>
      <p>
        {plural(d.total, "amendement")}, dont {outcomeCount(adopted, "adopte")}
        {[...d.outcomes.entries()]
          .filter(([outcome, n]) => outcome !== "adopte" && n > 0)
          .map(([outcome, n]) => `, ${outcomeCount(n, outcome)}`)
          .join("")}
        .
        {address.startsWith("https://") ? (
          <>
            {" "}
            <a href={address}>Le dossier sur le site de l'Assemblée nationale</a>
          </>
        ) : null}
      </p>
      <h2>Textes amendés</h2>
      <ul class="partial-texts">
        {d.texts.map((t) => (
          <li>
            Texte n° {t.textNumber ?? t.textUid} ({where(t.chamber, t.stage)}) : {plural(t.amendments, "amendement")}, dont{" "}
            {outcomeCount(t.adopted, "adopte")}
          </li>
        ))}
      </ul>
      <h2>Articles et amendements</h2>
      {d.truncated ? <p class="muted">Seuls les 5 000 premiers amendements sont listés.</p> : null}
      {d.articles.map((a) => (
        <section class="partial-article">
          <h3>
            {a.label} <span class="muted">— {plural(a.amendments.length, "amendement")}</span>
          </h3>
          <ul class="partial-amendments">
            {a.amendments.map((m) => (
              <li>
                <a href={`/amendements/${encodeURIComponent(m.uid)}`}>{amendmentNumberLabel(m.numberLong)}</a>{" "}
                <span class={`badge outcome-${m.outcome}`}>{labelOf(OUTCOME_LABELS, m.outcome)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
