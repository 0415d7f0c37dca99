// A list's filters as a plain GET form: the address holds every filter, so a
// filtered view works without JavaScript and can be bookmarked or shared.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

export function FilterForm({
  id,
  title,
  applyLabel,
  clearHref,
  clearLabel,
  children,
}: {
  /** The heading's id, which names the form for screen readers. */
  id: string;
  title: string;
  applyLabel: string;
  clearHref: string;
  clearLabel: string;
  children: ReactNode;
}) {
  return (
    <Form method="get" className="case-filters" aria-labelledby={id}>
      <h2 id={id} className="small-heading">
        {title}
      </h2>
      {children}
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {applyLabel}
        </button>
        <a href={clearHref}>{clearLabel}</a>
      </div>
    </Form>
  );
}
