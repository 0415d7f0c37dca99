// GET /incidents.csv?<the case list's filters>&q=&sep=semicolon: exactly the records the list shows, as CSV (audited).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { caseListExport } from "~/exports/cases.server.ts";

export const loader = (args: LoaderFunctionArgs) => caseListExport(args, "csv");
