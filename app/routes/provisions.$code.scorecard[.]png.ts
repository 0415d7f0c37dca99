// GET /provisions/<code>/scorecard.png?milestone=&months=: the scorecard's chart as a PNG, with its title, the before/after comparison, the milestones, the source and the date drawn in.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { scorecardExport } from "~/exports/documents.server.ts";

export const loader = (args: LoaderFunctionArgs) => scorecardExport(args, "png");
