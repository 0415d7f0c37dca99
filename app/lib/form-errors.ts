// Zod issues as field errors that a page can translate: each error is an i18n key
// under `validation.` plus the values its message needs. The server checks every
// form and the page translates its errors, so a message reads the same with or
// without JavaScript, in the reader's language.
import type { z } from "zod";

export interface FieldError {
  /** Key under `validation.` in app/locales/<lng>/validation.ts */
  key: string;
  values?: Record<string, string | number>;
}

/** Field path ("date.year", "sources.1.url") -> its first error. */
export type FieldErrors = Record<string, FieldError>;

/** Schemas put `validation.<key>` as the message of their own checks. */
const OWN_KEY = /^validation\.([A-Za-z]+)$/;

export function issueToError(issue: z.core.$ZodIssue): FieldError {
  const own = OWN_KEY.exec(issue.message);
  if (own) {
    const values = ownValues(issue);
    return values ? { key: own[1], values } : { key: own[1] };
  }
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return { key: "required" };
      if (issue.origin === "string") return { key: "tooShort", values: { min: Number(issue.minimum) } };
      if (issue.origin === "array") return { key: "required" };
      return { key: "tooSmall", values: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string") return { key: "tooLong", values: { max: Number(issue.maximum) } };
      if (issue.origin === "array") return { key: "tooMany", values: { max: Number(issue.maximum) } };
      return { key: "tooBig", values: { max: Number(issue.maximum) } };
    case "invalid_value":
      return { key: "unknownChoice" };
    case "invalid_type":
      return { key: issue.input === undefined ? "required" : "wrongType" };
    case "invalid_format":
      return { key: issue.format === "email" ? "notEmail" : "badFormat" };
    default:
      return { key: "invalid" };
  }
}

/**
 * Each field path's first error. An item of a list of plain values (a group of
 * checkboxes, terms one per line) has no field of its own: its error belongs to
 * the list ("characteristics.2" -> "characteristics").
 */
/** A schema's own message gets its refinement's params, or the limit of the check it names (min, max). */
function ownValues(issue: z.core.$ZodIssue): FieldError["values"] {
  const { params, minimum, maximum } = issue as { params?: Record<string, string | number>; minimum?: unknown; maximum?: unknown };
  if (params) return params;
  if (maximum !== undefined) return { max: Number(maximum) };
  if (minimum !== undefined) return { min: Number(minimum) };
  return undefined;
}

export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const parts = issue.path.map(String);
    while (parts.length > 1 && /^\d+$/.test(parts[parts.length - 1])) parts.pop();
    const path = parts.join(".") || FORM_ERROR;
    if (!errors[path]) errors[path] = issueToError(issue);
  }
  return errors;
}

/** The path of an error about the whole form rather than one field. */
export const FORM_ERROR = "form";

/**
 * A form repeated on one page (one review form per link) names its fields
 * within a scope, so that ids stay unique: "rationale" -> "<scope>.rationale".
 */
export function scopeErrors(errors: FieldErrors | null | undefined, scope: string): FieldErrors | null {
  if (!errors) return null;
  return Object.fromEntries(Object.entries(errors).map(([path, error]) => [path === FORM_ERROR ? path : `${scope}.${path}`, error]));
}

/** The element id of a field, for labels, aria-describedby and the error summary's links. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, "-")}`;
}

export function errorId(path: string): string {
  return `${fieldId(path)}-error`;
}
