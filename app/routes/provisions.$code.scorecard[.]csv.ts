// The scorecard's numbers as CSV: every year, the two windows around the
// milestone and the count since the commitment was made, each with its period.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { scorecardTable } from "~/charts/provision-years.ts";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { getFixedT } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { csvResponse, tableToCsv } from "~/lib/provision-export.server.ts";
import { notFound } from "~/lib/http.server.ts";
import { getScorecard } from "~/models/scorecard.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireDashboardReader(request);
  const lng = await detectLanguage(request);
  const scorecard = await getScorecard(params.code!, lng, new URL(request.url).searchParams);
  if (!scorecard) throw notFound();
  const table = scorecardTable(scorecard.data, { t: getFixedT(lng), lng });
  return csvResponse(tableToCsv(table), `vigia-scorecard-${scorecard.provision.code}-${scorecard.params.milestoneKey}-${scorecard.params.months}m.csv`);
}
