// A chart whose data a loader streams (decision 127): the page's first bytes carry its title
// and a loading line (aria-busy) before the data are there; the chart follows when they
// are; data that fail give an error for that chart alone.
import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DeferredChart } from "~/components/deferred-chart.tsx";
import { createI18n, I18nProvider, loadPageSections, type Language } from "~/lib/i18n.ts";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // As the trends loader does: a rejection is handled where the page renders it.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

const tick = () => new Promise((res) => setTimeout(res, 20));

/** Renders two streamed charts as a browser receives them: the text sent so far, and the end of the stream. */
async function stream(lng: Language, first: Promise<string>, second: Promise<string>) {
  await loadPageSections(["trends"]);
  let sent = "";
  const done = new Promise<void>((resolve) => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, next) {
        sent += chunk.toString("utf8");
        next();
      },
      final(next) {
        resolve();
        next();
      },
    });
    const { pipe } = renderToPipeableStream(
      <I18nProvider i18n={createI18n(lng)}>
        <main>
          <h1>Page heading</h1>
          <DeferredChart id="first-chart" title="First chart" resolve={first}>
            {(value) => <p data-value="first">{value}</p>}
          </DeferredChart>
          <DeferredChart id="second-chart" title="Second chart" resolve={second}>
            {(value) => <p data-value="second">{value}</p>}
          </DeferredChart>
        </main>
      </I18nProvider>,
      { onShellReady: () => pipe(sink) },
    );
  });
  return { sent: () => sent, done };
}

describe("a streamed chart", () => {
  it("sends the page's heading and each chart's title with a loading line before any chart's data", async () => {
    const a = deferred<string>();
    const b = deferred<string>();
    const page = await stream("en", a.promise, b.promise);
    await tick();
    const shell = page.sent();
    expect(shell).toContain("<h1>Page heading</h1>");
    for (const id of ["first-chart", "second-chart"]) {
      expect(shell).toMatch(new RegExp(`<section[^>]*id="${id}"[^>]*aria-busy="true"[^>]*data-chart-pending="${id}"`));
    }
    expect(shell).toContain("First chart");
    expect(shell.match(/Loading this chart&#x27;s data…/g)).toHaveLength(2);
    expect(shell).not.toContain("data-value");

    // The first chart's data arrive: it streams in while the second still loads.
    a.resolve("first chart drawn");
    await tick();
    expect(page.sent()).toContain('<p data-value="first">first chart drawn</p>');
    expect(page.sent()).not.toContain('data-value="second"');

    b.resolve("second chart drawn");
    await page.done;
    expect(page.sent()).toContain('<p data-value="second">second chart drawn</p>');
  });

  it("shows an error for the chart whose data failed, and the other chart as it is", async () => {
    const a = deferred<string>();
    const b = deferred<string>();
    const page = await stream("en", a.promise, b.promise);
    a.reject(new Error("aggregate failed"));
    b.resolve("second chart drawn");
    await page.done;
    const html = page.sent();
    expect(html).toMatch(/<section[^>]*id="first-chart"[^>]*data-chart-failed="first-chart"/);
    expect(html).toContain('role="alert">This chart could not be loaded.');
    expect(html).not.toContain("aggregate failed");
    expect(html).not.toContain('data-value="first"');
    expect(html).toContain('<p data-value="second">second chart drawn</p>');
  });

  it("says it is loading, and that it failed, in each language", async () => {
    const loading = { en: "Loading this chart", es: "Cargando los datos de esta gráfica", fr: "Chargement des données de ce graphique" };
    const failed = { en: "This chart could not be loaded", es: "No se pudo cargar esta gráfica", fr: "pas pu être chargé" };
    for (const lng of ["en", "es", "fr"] as const) {
      const a = deferred<string>();
      const page = await stream(lng, a.promise, Promise.resolve("drawn"));
      await tick();
      expect(page.sent(), lng).toContain(loading[lng]);
      a.reject(new Error("aggregate failed"));
      await page.done;
      expect(page.sent(), lng).toContain(failed[lng]);
    }
  });
});
