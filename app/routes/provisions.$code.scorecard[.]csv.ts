// GET /provisions/<code>/scorecard.csv?milestone=&months=: the scorecard's numbers as CSV after its header lines.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { scorecardExport } from "~/exports/documents.server.ts";

export const loader = (args: LoaderFunctionArgs) => scorecardExport(args, "csv");
