import { useMemo, useState, type ReactNode } from "react";
import { chartConfig, chartDefinition, chartHeight, chartMap, chartTable, chartTexts, type LoadedChart } from "~/charts/registry.ts";
import { chartQueryString, chartQueryToParams, type ChartQuery } from "~/charts/query.ts";
import { hasBars, withBarValues } from "~/charts/bar-values-plugin.ts";
import { milestonesInRange } from "~/charts/annual-trend.ts";
import { Untranslated } from "./untranslated.tsx";
import { formatDate } from "~/lib/format.ts";
import { type Language, useTranslation } from "~/lib/i18n.ts";
import { ChartFigure } from "./chart-figure.tsx";
import { StateMapSvg } from "./state-map-svg.tsx";
import { useHydrated } from "./use-hydrated.ts";

/** The addresses of one chart's exports for one query and language. */
export function chartLinks(id: string, query: ChartQuery, lng: Language, origin: string) {
  const qs = chartQueryString(query, lng);
  return {
    png: `/charts/${id}.png${qs}`,
    csv: `/charts/${id}.csv${qs}`,
    page: `/trends${qs}#${id}`,
    permalink: `${origin}/trends${qs}#${id}`,
    embed: `${origin}/embed/${id}${qs}`,
  };
}

export function embedSnippet(src: string, title: string, height: number): string {
  const escaped = title.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return `<iframe src="${src.replace(/&/g, "&amp;")}" title="${escaped}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
}

/** A frame tall enough for the chart and its words, so that most embeds need no scrolling. */
export function embedHeight(chartHeight: number, notes: number, milestones: number): number {
  return chartHeight + 260 + 56 * notes + (milestones ? 40 + 24 * milestones : 0);
}

export interface RegistryChartProps {
  chart: LoadedChart;
  query: ChartQuery;
  lng: Language;
  /** https://host, for permalinks and embed snippets. */
  origin: string;
  /** Export buttons and links (off in the embed view, which links back instead). */
  actions?: boolean;
  /** Notes this page adds under the chart's own. */
  children?: ReactNode;
}

/** A registered chart as the page shows it: the figure, its notes and milestones, and its exports. */
export function RegistryChart({ chart, query, lng, origin, actions = true, children }: RegistryChartProps) {
  const { t } = useTranslation();
  const ctx = useMemo(() => ({ t, lng }), [t, lng]);
  const texts = chartTexts(chart, ctx);
  const table = chartTable(chart, ctx);
  const built = useMemo(() => chartConfig(chart, ctx), [chart, ctx]);
  const valuesOn = query.values === true;
  const config = useMemo(() => (built ? withBarValues(built, valuesOn) : null), [built, valuesOn]);
  const model = useMemo(() => chartMap(chart), [chart]);
  const height = chartHeight(chart);
  const def = chartDefinition(chart.id);
  const notes = def.notes(chart.data as never, ctx);
  const ms = def.milestoneSpan?.(chart.data as never);
  const milestones = ms ? milestonesInRange(ms.milestones, ms.span.from, ms.span.to) : null;
  const links = chartLinks(chart.id, query, lng, origin);

  return (
    <ChartFigure
      id={chart.id}
      title={texts.title}
      subtitle={texts.subtitle}
      source={texts.source}
      asOf={texts.asOf}
      config={config ?? undefined}
      drawing={model ? <StateMapSvg model={model} title={texts.title} lng={lng} height={height} /> : undefined}
      table={table}
      height={height}
      actions={
        actions ? (
          <ChartActions
            chart={chart}
            lng={lng}
            links={links}
            title={texts.title}
            embedHeight={embedHeight(height, notes.length, milestones?.inside.length ?? 0)}
          />
        ) : (
          <p className="small">
            <a href={links.permalink} target="_top">
              {t("trends.export.openInVigia")}
            </a>
          </p>
        )
      }
    >
      {actions && hasBars(built) ? (
        <p className="small no-print">
          {/* A plain link, so that it works without JavaScript and the choice stays in the permalink. */}
          <a href={`?${chartQueryToParams({ ...query, values: !valuesOn }, lng).toString()}#${chart.id}`} data-values-toggle={valuesOn ? "on" : "off"}>
            {valuesOn ? t("trends.export.hideValues") : t("trends.export.showValues")}
          </a>
        </p>
      ) : null}
      {notes.map((n, i) => (
        <p key={i}>{n}</p>
      ))}
      {children}
      {milestones?.inside.length ? (
        <>
          <h3 className="small-heading">{t("charts.milestones")}</h3>
          <ol className="milestone-list">
            {milestones.inside.map((m) => (
              <li key={m.key}>
                <time dateTime={m.date}>{formatDate(m.date, lng)}</time>: <span lang={m.untranslated ? "en" : undefined}>{m.label}</span>{" "}
                <Untranslated when={Boolean(m.untranslated)} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {milestones?.outside.length ? (
        <p className="small">
          {t("trends.milestonesOutsideSpan", { list: milestones.outside.map((m) => `${formatDate(m.date, lng)}: ${m.label}`).join("; ") })}
        </p>
      ) : null}
    </ChartFigure>
  );
}

function ChartActions({
  chart,
  lng,
  links,
  title,
  embedHeight,
}: {
  chart: LoadedChart;
  lng: Language;
  links: ReturnType<typeof chartLinks>;
  title: string;
  embedHeight: number;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const [status, setStatus] = useState("");
  const snippet = embedSnippet(links.embed, title, embedHeight);
  const filename = `vigia-${chart.id}-${lng}.png`;

  async function exportPng() {
    setStatus(t("trends.export.preparing"));
    try {
      const { downloadChartPng } = await import("~/charts/export-client.ts");
      await downloadChartPng(chart, { t, lng }, filename, t("trends.export.credit", { url: links.permalink }));
      setStatus(t("trends.export.downloaded", { file: filename }));
    } catch {
      setStatus(t("trends.export.failed"));
    }
  }

  async function copy(text: string, done: string) {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(done);
    } catch {
      setStatus(t("trends.export.copyFailed"));
    }
  }

  return (
    <>
      <ul className="export-links" aria-label={t("trends.export.label", { title })}>
        {hydrated ? (
          <li>
            <button type="button" className="button-secondary" onClick={exportPng} data-export="png">
              {t("trends.export.downloadPng")}
            </button>
          </li>
        ) : null}
        <li>
          <a href={links.png} data-export="server-png">
            {t("trends.export.pngLink")}
          </a>
        </li>
        <li>
          <a href={links.csv} download data-export="csv">
            {t("trends.export.csv")}
          </a>
        </li>
        <li>
          <a href={links.permalink} data-export="permalink">
            {t("trends.export.permalink")}
          </a>
          {hydrated ? (
            <>
              {" "}
              <button type="button" className="link-button" onClick={() => copy(links.permalink, t("trends.export.permalinkCopied"))}>
                {t("trends.export.copy")}
              </button>
            </>
          ) : null}
        </li>
      </ul>
      <details className="embed-snippet">
        <summary>{t("trends.export.embed")}</summary>
        <label>
          {t("trends.export.embedHelp")}
          <textarea readOnly rows={3} value={snippet} onFocus={(e) => e.currentTarget.select()} data-export="embed" />
        </label>
        {hydrated ? (
          <button type="button" className="link-button" onClick={() => copy(snippet, t("trends.export.embedCopied"))}>
            {t("trends.export.copy")}
          </button>
        ) : null}
      </details>
      <p className="export-status small" role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}
