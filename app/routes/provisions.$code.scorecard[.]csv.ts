// GET /provisions/<code>/scorecard.csv?milestone=&months=: the scorecard's numbers as CSV after its header lines: every year, the two windows around the milestone and the count since the commitment was made, each with its period.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentExport } from "~/charts/export.server.ts";
import { scorecardDocument } from "~/charts/provision-years.ts";
import { parseScorecardParams, scorecardQuery } from "~/domain/scorecard-params.ts";
import { requireExportReader } from "~/lib/auth.server.ts";
import { notFound } from "~/lib/http.server.ts";
import { getFixedT } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { listMilestones } from "~/models/milestone.server.ts";
import { getScorecard } from "~/models/scorecard.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireExportReader(request, context);
  const lng = await detectLanguage(request);
  const url = new URL(request.url);
  const milestones = await listMilestones(lng);
  const choice = parseScorecardParams(url.searchParams, milestones);
  const scorecard = await getScorecard(params.code!, lng, { milestones, milestone: choice.milestone, months: choice.params.months });
  if (!scorecard) throw notFound();
  const ctx = { t: getFixedT(lng), lng };
  const { code } = scorecard.provision;
  return documentExport("csv", scorecardDocument(scorecard, ctx), ctx, {
    credit: ctx.t("trends.export.credit", {
      url: `${url.origin}/provisions/${encodeURIComponent(code)}/scorecard?${scorecardQuery(choice.params)}&lng=${lng}`,
    }),
    filename: `vigia-scorecard-${code}-${choice.params.milestoneKey ?? "no-milestone"}-${choice.params.months}m`,
  });
}
