// The one form reader and the three-way merge (pure: browser and server alike).
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { issuesToErrors, scopeErrors } from "~/lib/form-errors.ts";
import { choice, flatAccess, flatValuesShape, mergeVersions, optionalText, readBase, readForm, readVersion, requiredText } from "~/lib/form.ts";

const schema = z.object({
  name: requiredText(10),
  note: optionalText(20),
  kind: choice(["a", "b"]),
  done: z.boolean(),
  tags: z.array(z.string().max(3, "validation.termTooLong")),
});

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("readForm", () => {
  it("gives the typed input, reading checkboxes as booleans, lists as lists and missing fields as empty", () => {
    const result = readForm(
      form([
        ["name", "  Ana "],
        ["kind", "a"],
        ["done", "on"],
        ["tags", "x"],
        ["tags", "y"],
        ["csrf", "ignored"],
      ]),
      schema,
    );
    expect(result).toEqual({
      ok: true,
      values: { name: "  Ana ", note: "", kind: "a", done: true, tags: ["x", "y"] },
      data: { name: "Ana", note: null, kind: "a", done: true, tags: ["x", "y"] },
    });
  });

  it("keeps every value as typed and names each problem with a key under validation", () => {
    const result = readForm(
      form([
        ["name", ""],
        ["note", "x".repeat(21)],
        ["kind", "c"],
        ["tags", "long"],
      ]),
      schema,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.values).toEqual({ name: "", note: "x".repeat(21), kind: "c", done: false, tags: ["long"] });
    expect(result.errors).toEqual({
      name: { key: "required" },
      note: { key: "tooLong", values: { max: 20 } },
      kind: { key: "unknownChoice" },
      // An item of a list of plain values reports on the list.
      tags: { key: "termTooLong", values: { max: 3 } },
    });
  });

  it("reads the version and the carried base of an edit form, refusing anything else", () => {
    expect(readVersion(form([["version", "12"]]))).toBe(12);
    for (const bad of ["", "1.5", "-1", "x", "9999999999"]) expect(readVersion(form([["version", bad]]))).toBeNull();
    const shape = flatValuesShape(schema);
    const values = { name: "a", note: "", kind: "a", done: false, tags: [] };
    expect(readBase(form([["base", JSON.stringify(values)]]), shape)).toEqual(values);
    expect(readBase(form([["base", JSON.stringify({ ...values, done: "yes" })]]), shape)).toBeNull();
    expect(readBase(form([["base", "{"]]), shape)).toBeNull();
  });

  it("scopes the errors of a form repeated on one page", () => {
    const errors = issuesToErrors(z.object({ rationale: z.string().min(3) }).safeParse({ rationale: "" }).error!.issues);
    expect(scopeErrors(errors, "link1")).toEqual({ "link1.rationale": { key: "tooShort", values: { min: 3 } } });
    expect(scopeErrors({ form: { key: "invalid" } }, "link1")).toEqual({ form: { key: "invalid" } });
  });
});

describe("mergeVersions", () => {
  const access = flatAccess<{ a: string; b: string; c: string; d: boolean }>(["a", "b", "c", "d"]);
  const base = { a: "1", b: "1", c: "1", d: false };

  it("keeps yours where you changed a field, takes theirs where only they did, and lists both", () => {
    const theirs = { ...base, a: "theirs", b: "theirs", d: true };
    const yours = { ...base, a: "yours", c: " yours " };
    expect(mergeVersions(base, theirs, yours, access)).toEqual({
      merged: { a: "yours", b: "theirs", c: " yours ", d: true },
      both: ["a"],
      theirsOnly: ["b", "d"],
    });
  });

  it("without a base, shows every difference and keeps yours", () => {
    const theirs = { ...base, a: "theirs", b: "theirs" };
    const yours = { ...base, a: "yours", b: " theirs " };
    expect(mergeVersions(null, theirs, yours, access)).toEqual({ merged: yours, both: ["a"], theirsOnly: [] });
  });
});
