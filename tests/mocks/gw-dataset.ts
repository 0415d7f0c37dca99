// Global Witness's dataset as the import fetches it (GW_DATASET_URL): the Mexico
// file by default. Tests override with server.use(...) for 404s, time-outs,
// malformed and cut-off bodies.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { http, HttpResponse } from "msw";

export const GW_DATASET_TEST_URL = "https://data.gw.test/land-defenders.csv";

const mexico = readFileSync(resolve(import.meta.dirname, "../../seeds/reference/gw-mexico-cases-2012-2021.csv"));

export const gwDatasetHandlers = [
  http.get(GW_DATASET_TEST_URL, () =>
    HttpResponse.arrayBuffer(mexico.buffer.slice(mexico.byteOffset, mexico.byteOffset + mexico.byteLength) as ArrayBuffer, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Length": String(mexico.byteLength), "Last-Modified": "Thu, 22 Sep 2022 10:00:00 GMT" },
    }),
  ),
];
