// GET /charts/<id>.png?<query>: the chart drawn on the server, the same as the page's PNG button makes.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { chartExport } from "~/exports/documents.server.ts";

export const loader = (args: LoaderFunctionArgs) => chartExport(args, "png");
