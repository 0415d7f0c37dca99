// Zod issues as field errors that a page can translate: each error is an i18n key
// under `validation.` plus the values its message needs. The same mapping runs in
// the browser and on the server, so a message reads the same with or without
// JavaScript, in the reader's language.
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
  if (own) return { key: own[1], values: (issue as { params?: Record<string, string | number> }).params };
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

export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".") || "form";
    if (!errors[path]) errors[path] = issueToError(issue);
  }
  return errors;
}

/** The element id of a field, for labels, aria-describedby and the error summary's links. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, "-")}`;
}

export function errorId(path: string): string {
  return `${fieldId(path)}-error`;
}
