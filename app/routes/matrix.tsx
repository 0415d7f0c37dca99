import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { matrixDocument, matrixSeriesLabel } from "~/charts/accountability-matrix.ts";
import { chartReaderOf } from "~/charts/query.ts";
import { documentChartConfig } from "~/charts/document.ts";
import { MatrixCaseTable, MatrixFilterForm } from "~/components/accountability-matrix.tsx";
import { ChartFigure } from "~/components/chart-figure.tsx";
import { ExportLinks } from "~/components/export-links.tsx";
import { MatrixFilterProblems } from "~/components/provision-filters.tsx";
import { matrixFilterToParams, parseMatrixFilter } from "~/domain/matrix-filter.ts";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { getMatrix } from "~/models/matrix.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = {
  i18n: ["charts", "common", "provisions", "provisions.links", "provisions.views", "taxonomy", "trends", "validation"],
} satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireDashboardReader(request);
  const lng = await detectLanguage(request);
  const { filter, problems } = parseMatrixFilter(new URL(request.url).searchParams, new Date().getUTCFullYear());
  const matrix = await getMatrix(lng, filter, chartReaderOf(user));
  return { filter, problems, ...matrix };
}

export default function MatrixPage() {
  const { filter, problems, data, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLanguage();
  // The page's figure, matrix.png and matrix.csv say the same words around the same numbers.
  const doc = matrixDocument({ filter, data, today }, { t, lng });
  const exportQuery = `${matrixFilterToParams(filter)}&lng=${lng}`;
  return (
    <div className="matrix-page">
      <h1>{t("provisions.matrix.title")}</h1>
      <p className="lede">{t("provisions.matrix.intro")}</p>
      <MatrixFilterForm filter={filter} lngParam={lng} />
      <MatrixFilterProblems problems={problems} />
      {data.layers.suggested ? (
        <p className="notice" role="note">
          {t("provisions.matrix.suggestedWarning")}
        </p>
      ) : null}
      <ChartFigure
        id="accountability-matrix"
        title={doc.texts.title}
        subtitle={doc.texts.subtitle}
        source={doc.texts.source}
        config={documentChartConfig(doc)}
        table={doc.table}
        height={doc.bodyHeight}
      >
        <ExportLinks png={`/matrix.png?${exportQuery}`} csv={`/matrix.csv?${exportQuery}`} />
        <ul className="small matrix-notes">
          {doc.texts.notes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="small muted">{doc.texts.asOf}</p>
      </ChartFigure>
      <MatrixCaseTable data={data} filter={filter} caption={`${matrixSeriesLabel(data, t)} · ${doc.texts.subtitle}`} lng={lng} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("provisions.matrix.title")} · Vigía` }, { name: "description", content: t("provisions.matrix.intro") }];
};
