// Accessible form errors: a summary at the top that links to each wrong field,
// and a message next to the field that the field names in aria-describedby.
import { useEffect, useRef, type MouseEvent } from "react";
import { useTranslation } from "~/lib/i18n.ts";
import { errorId, fieldId, FORM_ERROR, type FieldError, type FieldErrors } from "~/lib/form-errors.ts";

/** id, aria-invalid and aria-describedby for the input of `path` (hint ids optional). */
export function fieldProps(path: string, errors: FieldErrors | null | undefined, hintId?: string) {
  const error = errors?.[path];
  const describedBy = [error ? errorId(path) : null, hintId ?? null].filter(Boolean).join(" ");
  return {
    id: fieldId(path),
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": describedBy || undefined,
  };
}

export function useErrorText() {
  const { t } = useTranslation();
  return (error: FieldError) => t(`validation.${error.key}`, error.values ?? {}) as string;
}

export function FieldMessage({ path, errors }: { path: string; errors: FieldErrors | null | undefined }) {
  const text = useErrorText();
  const error = errors?.[path];
  if (!error) return null;
  return (
    <p className="field-error" id={errorId(path)}>
      {text(error)}
    </p>
  );
}

/** A problem with the whole form (not one field), announced as it appears. */
export function FormMessage({ errors }: { errors: FieldErrors | null | undefined }) {
  const text = useErrorText();
  if (!errors?.form) return null;
  return (
    <p className="form-error" role="alert">
      {text(errors.form)}
    </p>
  );
}

/**
 * The list of problems, focused when it appears so that keyboard and screen-reader
 * users land on it; each item links to its field (an error about the whole form
 * has no field to link to).
 */
/**
 * With JavaScript, a summary link moves focus to its field without a navigation: the
 * router would take the new #hash for a new page and drop the server's answer that the
 * form is showing, and every typed value with it. The address still ends in the field's #id.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  window.history.replaceState(window.history.state, "", `#${id}`);
  field.scrollIntoView({ block: "center" });
  field.focus();
}

export function ErrorSummary({
  errors,
  label,
  order,
}: {
  errors: FieldErrors | null | undefined;
  label: (path: string) => string;
  /** Field paths in the order the form shows them; others follow. */
  order?: readonly string[];
}) {
  const { t } = useTranslation();
  const text = useErrorText();
  const ref = useRef<HTMLDivElement>(null);
  const paths = errors ? Object.keys(errors) : [];
  const sorted = order ? [...paths].sort((a, b) => rank(a, order) - rank(b, order)) : paths;
  const signature = sorted.join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature, errors]);
  if (!errors || !paths.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t("validation.summaryTitle")}</h2>
      <p className="small">{t("validation.summaryIntro")}</p>
      <ul>
        {sorted.map((path) => (
          <li key={path}>
            {path === FORM_ERROR ? (
              text(errors[path])
            ) : (
              <a href={`#${fieldId(path)}`} onClick={(event) => focusField(event, fieldId(path))}>
                {label(path)}: {text(errors[path])}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Moves keyboard focus to a panel that appears after a submission (duplicates, conflict). */
export function useFocusOnMount<T extends HTMLElement>() {
  return useFocusWhen<T>("mounted");
}

/**
 * Moves keyboard focus to an element each time `signal` changes to something
 * (a new answer with an error for it), so that keyboard and screen-reader users land on it.
 */
export function useFocusWhen<T extends HTMLElement>(signal: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (signal) ref.current?.focus();
  }, [signal]);
  return ref;
}

function rank(path: string, order: readonly string[]): number {
  const i = order.findIndex((o) => path === o || path.startsWith(`${o}.`));
  return i === -1 ? order.length : i;
}
