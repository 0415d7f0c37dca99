// GET /matrix.csv?sector=&from=&to=&status=: the accountability matrix as CSV (header lines, then one row per provision, one column per year, a total).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { matrixExport } from "~/exports/documents.server.ts";

export const loader = (args: LoaderFunctionArgs) => matrixExport(args, "csv");
