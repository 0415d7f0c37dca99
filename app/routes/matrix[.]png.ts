// GET /matrix.png?sector=&from=&to=&status=: the accountability matrix as a PNG heat map with its title, filters, notes, source and date drawn in.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { matrixDocument } from "~/charts/accountability-matrix.ts";
import { documentExport } from "~/charts/export.server.ts";
import { matrixFilterToParams, parseMatrixFilter } from "~/domain/matrix-filter.ts";
import { requireExportReader } from "~/lib/auth.server.ts";
import { getFixedT } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { getMatrix } from "~/models/matrix.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireExportReader(request, context);
  const lng = await detectLanguage(request);
  const url = new URL(request.url);
  const { filter } = parseMatrixFilter(url.searchParams, new Date().getUTCFullYear());
  const { data, today } = await getMatrix(lng, filter);
  const ctx = { t: getFixedT(lng), lng };
  const query = matrixFilterToParams(filter);
  return documentExport("png", matrixDocument({ filter, data, today }, ctx), ctx, {
    credit: ctx.t("trends.export.credit", { url: `${url.origin}/matrix?${query}&lng=${lng}` }),
    filename: `vigia-matrix-${filter.sector}-${filter.yearFrom}-${filter.yearTo}-${filter.status}`,
  });
}
