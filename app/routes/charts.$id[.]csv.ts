// GET /charts/<id>.csv?<query>: exactly the plotted numbers (the chart's data table), after header lines naming the chart, its filters, its source and its date.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { chartExport } from "~/exports/documents.server.ts";

export const loader = (args: LoaderFunctionArgs) => chartExport(args, "csv");
