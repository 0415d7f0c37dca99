// The answers of a form action, one way for every form (docs/decisions/045):
// a refused form answers 400 with every value as typed and its FieldErrors; an
// edit refused because someone saved in between answers 409 with both versions
// and the form merged three ways; a saved form redirects.
import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import type { FieldErrors } from "./form-errors.ts";
import { notFound } from "./http.server.ts";
import {
  flatAccess,
  flatValuesShape,
  mergeVersions,
  readBase,
  readForm,
  readVersion,
  type EditConflict,
  type FlatValues,
  type FormLike,
  type SaveResult,
  type StoredVersion,
} from "./form.ts";

/** What a form action answers when it does not redirect. */
export interface FormAnswer<V, F extends string = string> {
  values: V;
  errors: FieldErrors | null;
  /** Edit forms: the version the form now carries (the newer one after a conflict) */
  version?: number;
  /** Edit forms: that version's values, carried for a three-way merge should the next save conflict too */
  base?: V | null;
  conflict?: EditConflict<V, F> | null;
}

/** Reads a flat form, saves it as new, and answers. */
export async function answerCreate<S extends z.ZodObject, Saved extends object>(
  form: FormLike,
  schema: S,
  options: { save: (input: z.output<S>) => Promise<SaveResult<Saved>>; redirectTo: (saved: Saved) => string },
) {
  const submission = readForm(form, schema);
  const answer: FormAnswer<FlatValues<S>> = { values: submission.values, errors: null };
  if (!submission.ok) return data({ ...answer, errors: submission.errors }, { status: 400 });
  const saved = await options.save(submission.data);
  if (saved.ok) return redirect(options.redirectTo(saved));
  if (saved.missing) throw notFound();
  return data({ ...answer, errors: saved.errors ?? {} }, { status: 400 });
}

/**
 * Reads a flat edit form with the version it started from, saves it only if the
 * record is still at that version, and answers. After a conflict the form holds
 * yours merged with theirs and carries their version, so that saving again is
 * a deliberate choice.
 */
export async function answerEdit<S extends z.ZodObject, Saved extends object>(
  form: FormLike,
  schema: S,
  options: {
    save: (input: z.output<S>, version: number) => Promise<SaveResult<Saved, StoredVersion<FlatValues<S>>>>;
    redirectTo: string;
  },
) {
  type V = FlatValues<S>;
  const submission = readForm(form, schema);
  const version = readVersion(form);
  const base = readBase(form, flatValuesShape(schema));
  const answer: FormAnswer<V> = { values: submission.values, errors: null, version: version ?? 0, base, conflict: null };
  if (version === null) return data({ ...answer, errors: { form: { key: "noVersion" } } }, { status: 400 });
  if (!submission.ok) return data({ ...answer, errors: submission.errors }, { status: 400 });
  const saved = await options.save(submission.data, version);
  if (saved.ok) return redirect(options.redirectTo);
  if (saved.missing) throw notFound();
  if (saved.errors) return data({ ...answer, errors: saved.errors }, { status: 400 });
  const theirs = saved.conflict;
  const access = flatAccess<V>(Object.keys(schema.shape) as (keyof V & string)[]);
  const { merged, both, theirsOnly } = mergeVersions(base, theirs.values, submission.values, access);
  const conflict: EditConflict<V, keyof V & string> = {
    theirs: theirs.values,
    yours: submission.values,
    both,
    theirsOnly,
    version: theirs.version,
    savedBy: theirs.savedBy,
    savedAt: theirs.savedAt,
  };
  return data({ ...answer, values: merged, version: theirs.version, base: theirs.values, conflict }, { status: 409 });
}
