// The create and edit actions shared by instruments, provisions and milestones.
// The form is checked with the record's schema, and every refusal answers with
// what was typed, so that the form shows it again. On edit, the record's
// identifier comes from the address (it is fixed once the record exists: links
// and addresses use it), and a save refused because someone saved in between
// (an error on "form") answers 409 with the newer version's date, so that saving
// again overwrites knowingly.
import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrors, formInput, formValues, type FieldErrors } from "~/models/provision.schema.ts";
import { notFound } from "./http.server.ts";

type Typed = { values: Record<string, string>; errors: FieldErrors };
type Saved<S> = ({ ok: true } & S) | { ok: false; errors: FieldErrors };

export async function createCommitmentAction<T, S>(
  form: FormData,
  options: {
    schema: z.ZodType<T>;
    checkboxes?: string[];
    /** null counts as refused without a field to blame. */
    save: (input: T) => Promise<Saved<S> | null>;
    /** Where a successful save goes (it may name the new record). */
    redirectTo: (saved: { ok: true } & S) => string;
  },
) {
  const values = formValues(form);
  const parsed = options.schema.safeParse(formInput(form, options.checkboxes));
  if (!parsed.success) return data<Typed>({ values, errors: fieldErrors(parsed.error) }, { status: 400 });
  const outcome = await options.save(parsed.data);
  if (!outcome?.ok) return data<Typed>({ values, errors: outcome?.errors ?? {} }, { status: 400 });
  return redirect(options.redirectTo(outcome));
}

export async function editCommitmentAction<T>(
  form: FormData,
  options: {
    /** The identifier's field and its value from the address. */
    id: [field: string, value: string];
    schema: z.ZodType<T>;
    checkboxes?: string[];
    /** null when the record does not exist (404). */
    save: (input: T, expectedUpdatedAt: string) => Promise<{ ok: true } | { ok: false; errors: FieldErrors } | null>;
    /** The stored version, read again after a conflict. */
    reload: () => Promise<{ updatedAt: string } | null>;
    /** Where a successful save goes. */
    redirectTo: string;
  },
) {
  form.set(...options.id);
  const values = formValues(form);
  const expected = String(form.get("expectedUpdatedAt") ?? "");
  const parsed = options.schema.safeParse(formInput(form, options.checkboxes));
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error), updatedAt: expected }, { status: 400 });
  const outcome = await options.save(parsed.data, expected);
  if (!outcome) throw notFound();
  if (!outcome.ok) {
    if (!outcome.errors.form) return data({ values, errors: outcome.errors, updatedAt: expected }, { status: 400 });
    const current = await options.reload();
    return data({ values, errors: outcome.errors, updatedAt: current?.updatedAt ?? expected }, { status: 409 });
  }
  return redirect(options.redirectTo);
}
