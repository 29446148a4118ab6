/**
 * Provision page: one article followed across the navette — numbers, statuses with causes, text
 * at each step, diff between any two versions, amendments.
 */
import { amendmentNumberLabel, foundWords, lawNumbered } from "../src/domain/wording.js";
import { textNumberOf } from "../src/domain/text-number.js";
import { codeArticleLabel } from "../src/domain/tagging/citations.js";
import { stepToShow } from "../src/domain/navette/step-to-show.js";
import type { ProvisionDetail } from "./models.js";
import { PROVISION_STATUS_LABELS, type ProvisionStatus } from "../src/domain/navette/engine.js";
import type { ArticleDiff } from "../src/domain/navette/diff.js";
import { Layout } from "./layout.js";
import { DiffPanel } from "./partials/diff.js";
import { Highlighted } from "./partials/highlight.js";
import type { ProvisionTheme } from "./models.js";
import { capitalised, frenchDate, provisionPath, stepLabel } from "./format.js";
import { AnnotationsPanel, type AnnotationItem } from "./partials/annotations.js";
import { AmendmentsSection } from "./partials/amendments.js";
import type { AmendmentFilter } from "./amendment-filter.js";

export interface ProvisionPageProps {
  readonly detail: ProvisionDetail;
  readonly themes: readonly ProvisionTheme[];
  readonly themeLabels: ReadonlyMap<string, string>;
  readonly citations: ReadonlyArray<{ code: string; article: string }>;
  readonly from: string | null;
  readonly to: string | null;
  readonly diff: ArticleDiff | null;
  readonly shownStep: string;
  readonly amendmentFilter: AmendmentFilter;
  /** Present for staff: the forms to add or reject a theme. */
  readonly themeDecisions: { readonly csrf: string } | null;
  readonly annotations: {
    readonly items: readonly AnnotationItem[];
    readonly signedIn: boolean;
    readonly csrf: string;
    /** Why the last annotation sent without htmx was refused. */
    readonly error?: string | undefined;
  };
}

const label = (status: string) => PROVISION_STATUS_LABELS[status as ProvisionStatus] ?? status;

export function ProvisionPage(props: ProvisionPageProps) {
  const { detail } = props;
  const path = provisionPath(detail.dossier.uid, detail.id);
  const numbers = [...new Set(detail.steps.filter((s) => s.stage !== "promulgation").map((s) => s.number))];
  const shown = stepToShow(detail.steps, props.shownStep);
  return (
    <Layout
      title={`Article ${lawNumbered({ navette: detail.lastNumber, law: detail.lawNumber })} — ${detail.dossier.title}`}
      feed={{ title: `Article ${detail.firstNumber} — ${detail.dossier.title}`, path: `/flux${path}`, follow: "Suivre cet article" }}
    >
      <p class="breadcrumb">
        <a href="/dossiers">Textes</a> › <a href={`/dossiers/${encodeURIComponent(detail.dossier.uid)}`}>{detail.dossier.title}</a>
      </p>
      <h1>Article {lawNumbered({ navette: numbers.join(" → ") || detail.lastNumber, law: detail.lawNumber })}</h1>
      <StatusTimeline detail={detail} />
      <DiffSection detail={detail} path={path} from={props.from} to={props.to} diff={props.diff} />
      <ThemesSection {...props} path={path} />
      <Citations citations={props.citations} />
      {shown ? <TextAtStep step={shown} themes={props.themes} themeLabels={props.themeLabels} /> : null}
      <AnnotationsPanel
        action={`${path}/annotations`}
        items={props.annotations.items}
        signedIn={props.annotations.signedIn}
        csrf={props.annotations.csrf}
        steps={detail.steps.map((s) => ({ key: s.stepKey, label: stepLabel(s) }))}
        currentStep={shown?.stepKey ?? ""}
        error={props.annotations.error}
      />
      <AmendmentsSection path={path} amendments={detail.amendments} filter={props.amendmentFilter} stepOfText={textLabels(detail)} />
    </Layout>
  );
}

type Step = ProvisionDetail["steps"][number];

/** The article's path through the navette: each step's status, number, and the amendments that caused it. */
function StatusTimeline(props: { detail: ProvisionDetail }) {
  const { detail } = props;
  return (
    <>
      <h2>Parcours dans la navette</h2>
      <ol class="status-timeline">
        {detail.steps.map((s) => (
          <li class={`status-${s.status}`}>
            <span class="date">{frenchDate(s.date)}</span> <strong>{stepLabel(s)}</strong> :{" "}
            <span class={`badge status-${s.status}`}>{label(s.status)}</span>
            {s.number !== detail.firstNumber ? <span> (article {s.number})</span> : null}
            {s.status === "modified" ? <span class="muted"> — {Math.round(s.changeRatio * 100)} % du texte modifié</span> : null}
            {!s.printed ? <span class="muted"> — non réimprimé, repris du texte précédent</span> : null}
            {s.closed ? <span class="muted"> — adopté dans les mêmes termes par les deux chambres</span> : null}
            {s.causes.length > 0 ? (
              <span>
                {" "}
                — par{" "}
                {s.causes.map((c, i) => (
                  <>
                    {i > 0 ? ", " : ""}
                    <a href={`/amendements/${encodeURIComponent(c.uid)}`}>l'amendement {amendmentNumberLabel(c.numberLong)}</a>
                    {c.authorName ? ` (${c.authorName})` : ""}
                  </>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The form choosing two versions (htmx swaps the diff in place) and the diff. */
function DiffSection(props: { detail: ProvisionDetail; path: string; from: string | null; to: string | null; diff: ArticleDiff | null }) {
  const { detail, path } = props;
  const stepName = (key: string | null) => {
    const step = detail.steps.find((s) => s.stepKey === key);
    return step ? stepLabel(step) : "—";
  };
  const choose = (name: "de" | "a", chosen: string | null) => (
    <select name={name}>
      {detail.steps.map((s) => (
        <option value={s.stepKey} selected={s.stepKey === chosen}>
          {stepLabel(s)} ({label(s.status)})
        </option>
      ))}
    </select>
  );
  return (
    <>
      <h2>Comparer deux versions</h2>
      <form
        class="diff-form"
        method="get"
        action={path}
        hx-get={`${path}/diff`}
        hx-target="#diff"
        hx-swap="outerHTML"
        hx-trigger="change, submit"
      >
        <label>De {choose("de", props.from)}</label> <label>à {choose("a", props.to)}</label> <button type="submit">Comparer</button>
      </form>
      <DiffPanel diff={props.diff} fromLabel={stepName(props.from)} toLabel={stepName(props.to)} />
    </>
  );
}

/** The article's themes with their evidence and decisions, and the staff's forms. */
function ThemesSection(props: ProvisionPageProps & { path: string }) {
  return (
    <>
      <h2 id="themes">Thèmes</h2>
      {props.themes.length === 0 ? (
        <p class="empty">Aucun thème de surveillance trouvé dans cet article.</p>
      ) : (
        <ul class="themes">
          {props.themes.map((t) => (
            <ThemeItem
              theme={t}
              steps={props.detail.steps}
              themeLabels={props.themeLabels}
              path={props.path}
              decisions={props.themeDecisions}
            />
          ))}
        </ul>
      )}
      {props.themeDecisions ? (
        <form method="post" action={`${props.path}/themes`} class="theme-decision">
          <input type="hidden" name="_csrf" value={props.themeDecisions.csrf} />
          <input type="hidden" name="decision" value="added" />
          <label>
            Ajouter le thème{" "}
            <select name="theme">
              {[...props.themeLabels.entries()]
                .filter(([id]) => !props.themes.some((t) => t.theme === id && t.decision?.decision !== "rejected"))
                .map(([id, name]) => (
                  <option value={id}>{name}</option>
                ))}
            </select>
          </label>{" "}
          <label>
            Raison <input name="raison" required maxlength={1000} />
          </label>{" "}
          <button type="submit">Ajouter</button>
        </form>
      ) : null}
    </>
  );
}

/** One theme: who decided it or which rules found it, its evidence, whether the evidence was lost, the rejection form. */
function ThemeItem(props: {
  theme: ProvisionTheme;
  steps: readonly Step[];
  themeLabels: ReadonlyMap<string, string>;
  path: string;
  decisions: { readonly csrf: string } | null;
}) {
  const { theme: t, steps } = props;
  const lastWith = steps.filter((s) => t.steps.some((x) => x.stepKey === s.stepKey)).at(-1);
  const lost = lastWith
    ? steps.slice(steps.indexOf(lastWith) + 1).find((s) => s.status !== "deleted" && s.status !== "absent" && s.alineas.length > 0)
    : undefined;
  const evidence = t.steps.find((x) => x.stepKey === lastWith?.stepKey)?.evidence ?? [];
  return (
    <li class={t.decision?.decision === "rejected" ? "theme rejected" : "theme"}>
      <a class="badge theme-badge" href={`/themes/${encodeURIComponent(t.theme)}`}>
        {props.themeLabels.get(t.theme) ?? t.theme}
      </a>{" "}
      {t.decision ? (
        <span>
          {t.decision.decision === "rejected" ? "rejeté" : "ajouté"} par {t.decision.author} : « {t.decision.reason} »
        </span>
      ) : (
        <span class="muted">trouvé par les règles</span>
      )}
      {evidence.length > 0 ? (
        <div class="evidence">
          <p>Mots trouvés{lastWith ? ` dans le texte « ${stepLabel(lastWith)} »` : ""} :</p>
          <ul>
            {foundWords(evidence)
              .slice(0, 6)
              .map((f) => (
                <li>
                  alinéa {f.alinea} : {f.words.map((w) => `« ${w} »`).join(", ")}
                </li>
              ))}
          </ul>
        </div>
      ) : null}
      {lost ? (
        <p class="notice">La preuve de ce thème a disparu à l'étape « {stepLabel(lost)} » : le texte n'en contient plus les termes.</p>
      ) : null}
      {props.decisions && t.decision?.decision !== "rejected" ? (
        <form method="post" action={`${props.path}/themes`} class="theme-decision">
          <input type="hidden" name="_csrf" value={props.decisions.csrf} />
          <input type="hidden" name="theme" value={t.theme} />
          <input type="hidden" name="decision" value="rejected" />
          <label>
            Raison du rejet <input name="raison" required maxlength={1000} />
          </label>{" "}
          <button type="submit">Rejeter ce thème</button>
        </form>
      ) : null}
    </li>
  );
}

/** The code articles the article cites, each a link to its page. */
function Citations(props: { citations: ReadonlyArray<{ code: string; article: string }> }) {
  if (props.citations.length === 0) return null;
  return (
    <>
      <h2>Articles de codes cités</h2>
      <ul class="citations">
        {props.citations.map((c) => (
          <li>
            <a href={`/codes/${encodeURIComponent(c.code)}/${encodeURIComponent(c.article)}`}>
              {capitalised(codeArticleLabel(c.code, c.article))}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The article's text at one step, with the themes' evidence highlighted. */
function TextAtStep(props: { step: Step; themes: readonly ProvisionTheme[]; themeLabels: ReadonlyMap<string, string> }) {
  const { step: shown } = props;
  return (
    <section class="text-at-step">
      <h2>
        Texte — {stepLabel(shown)} ({label(shown.status)})
      </h2>
      {shown.alineas.length === 0 ? (
        <p class="empty">Pas de texte à cette étape.</p>
      ) : (
        <ol class="alineas">
          {shown.alineas.map((a) => (
            <li value={a.number}>
              <Highlighted
                text={a.text}
                ranges={props.themes
                  .filter((t) => t.decision?.decision !== "rejected")
                  .flatMap((t) =>
                    (t.steps.find((x) => x.stepKey === shown.stepKey)?.evidence ?? [])
                      .filter((e) => e.alinea === a.number)
                      .map((e) => ({ start: e.start, end: e.end, title: props.themeLabels.get(t.theme) ?? t.theme })),
                  )}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * The name of each text amended, for the amendment filter: its step (« 1re lecture · Assemblée ·
 * commission »), else, for a text the article has no step for, « Texte n° 9943 (Assemblée) ».
 */
function textLabels(detail: ProvisionDetail): Map<string, string> {
  const labels = new Map(detail.steps.filter((s) => s.textUid).map((s) => [s.textUid!, stepLabel(s)]));
  for (const a of detail.amendments) {
    if (!a.textUid || labels.has(a.textUid)) continue;
    const number = textNumberOf(a.textUid);
    labels.set(a.textUid, `Texte${number ? ` n° ${number}` : ""} (${a.chamber === "SN" ? "Sénat" : "Assemblée"})`);
  }
  return labels;
}
