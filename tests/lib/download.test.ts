// Downloads for imports, against msw (tests/mocks/gw-dataset.ts): success,
// 404, retries after a passing failure, time-outs and cut-off bodies.
import { delay, http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { DownloadError, downloadFile } from "~/lib/download.server.ts";
import { server } from "../mocks/index.ts";
import { GW_DATASET_TEST_URL } from "../mocks/gw-dataset.ts";

const quick = { timeoutMs: 200, attempts: 3, backoffMs: 1 };

async function failure(promise: Promise<unknown>): Promise<DownloadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DownloadError);
  return error as DownloadError;
}

describe("downloadFile", () => {
  it("returns the whole file and its date", async () => {
    const { body, lastModified, attempts } = await downloadFile(GW_DATASET_TEST_URL, quick);
    expect(new TextDecoder().decode(body)).toMatch(/^id,date,name,gender,age,/);
    expect(lastModified).toBe("Thu, 22 Sep 2022 10:00:00 GMT");
    expect(attempts).toBe(1);
  });

  it("gives up at once on a 404, saying so", async () => {
    let calls = 0;
    server.use(
      http.get(GW_DATASET_TEST_URL, () => {
        calls++;
        return new HttpResponse("Not found", { status: 404 });
      }),
    );
    const error = await failure(downloadFile(GW_DATASET_TEST_URL, quick));
    expect(error).toMatchObject({ reason: "http", attempts: 1, details: { status: 404 } });
    expect(calls).toBe(1);
  });

  it("tries again after a failure that may pass, and succeeds", async () => {
    let calls = 0;
    server.use(
      http.get(GW_DATASET_TEST_URL, () => {
        calls++;
        return calls < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.text("id,date\n");
      }),
    );
    const { attempts } = await downloadFile(GW_DATASET_TEST_URL, quick);
    expect(attempts).toBe(3);
  });

  it("stops waiting for a server that never answers, after every attempt", async () => {
    let calls = 0;
    server.use(
      http.get(GW_DATASET_TEST_URL, async () => {
        calls++;
        await delay("infinite");
        return HttpResponse.text("never");
      }),
    );
    const error = await failure(downloadFile(GW_DATASET_TEST_URL, { ...quick, timeoutMs: 20 }));
    expect(error).toMatchObject({ reason: "timeout", attempts: 3 });
    expect(calls).toBe(3);
  });

  it("refuses a body shorter than its announced length", async () => {
    server.use(http.get(GW_DATASET_TEST_URL, () => new HttpResponse("id,date,name\nrec1,2020-0", { headers: { "Content-Length": "500" } })));
    const error = await failure(downloadFile(GW_DATASET_TEST_URL, quick));
    expect(error).toMatchObject({ reason: "incomplete", attempts: 3 });
  });
});
