// GET /matrix.png?sector=&from=&to=&status=: the accountability matrix as a PNG heat map with its title, filters, notes, source and date drawn in.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { matrixExport } from "~/exports/documents.server.ts";

export const loader = (args: LoaderFunctionArgs) => matrixExport(args, "png");
