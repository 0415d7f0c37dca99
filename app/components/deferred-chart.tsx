import { Suspense, type ReactNode } from "react";
import { Await } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n.ts";

export interface DeferredChartProps<T> {
  /** The chart's id: the section keeps it, so that the page's table of contents links to it at once. */
  id: string;
  /** The chart's title, which needs no data. */
  title: string;
  /** The chart's data, streamed by the loader (decision 127). */
  resolve: Promise<T>;
  children: (value: T) => ReactNode;
}

/**
 * One chart of a page whose data arrive after the page's first bytes: its title and a
 * loading line (aria-busy) until they do, then the chart; if its data fail, an error for
 * this chart alone, the rest of the page as it is.
 */
export function DeferredChart<T>({ id, title, resolve, children }: DeferredChartProps<T>) {
  const { t } = useTranslation();
  const placeholder = (busy: boolean, message: ReactNode) => (
    <section
      className="chart-figure chart-placeholder"
      id={id}
      aria-labelledby={`${id}-title`}
      aria-busy={busy || undefined}
      data-chart-pending={busy ? id : undefined}
      data-chart-failed={busy ? undefined : id}
    >
      <h2 id={`${id}-title`} className="chart-title">
        {title}
      </h2>
      {message}
    </section>
  );
  return (
    <Suspense fallback={placeholder(true, <p className="chart-loading">{t("trends.chartLoading")}</p>)}>
      <Await
        resolve={resolve}
        errorElement={placeholder(
          false,
          <p className="chart-error" role="alert">
            {t("trends.chartFailed")}
          </p>,
        )}
      >
        {(value) => children(value as T)}
      </Await>
    </Suspense>
  );
}
