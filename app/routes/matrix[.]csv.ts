// The accountability matrix as CSV: one row per provision, one column per year, a total.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { matrixTable } from "~/charts/accountability-matrix.ts";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { getFixedT } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { csvResponse, tableToCsv } from "~/lib/provision-export.server.ts";
import { getMatrix } from "~/models/matrix.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireDashboardReader(request);
  const lng = await detectLanguage(request);
  const { filter, data } = await getMatrix(lng, new URL(request.url).searchParams);
  const csv = tableToCsv(matrixTable(data, { t: getFixedT(lng), lng }));
  return csvResponse(csv, `vigia-matrix-${filter.sector}-${filter.yearFrom}-${filter.yearTo}-${filter.status}.csv`);
}
