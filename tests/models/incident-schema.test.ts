// The incident form's schema and helpers (pure: shared by the browser and the server).
import { describe, expect, it } from "vitest";
import { errorId, fieldId } from "~/lib/form-errors.ts";
import {
  applySourceRowIntent,
  emptyIncidentForm,
  incidentToFormValues,
  mergeVersions,
  parseFormValues,
  validateIncident,
  type IncidentFormValues,
} from "~/models/incident.schema.ts";

function valid(change: (v: IncidentFormValues) => void = () => {}): IncidentFormValues {
  const v = emptyIncidentForm();
  v.date = { year: "2025", month: "10", day: "3" };
  v.sector = "mining_extractives";
  v.perpetratorType = "hitmen";
  v.outcome = "killed";
  v.sources = [{ url: "", title: "Testimonio" }];
  change(v);
  return v;
}

describe("incident schema", () => {
  it("turns valid form values into a record, trimming only the outer spaces", () => {
    const result = validateIncident(valid((v) => (v.victimName = "  Zoë d’Aubigné  ")));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({
      occurredOn: new Date("2025-10-03T00:00:00Z"),
      datePrecision: "day",
      year: 2025,
      victimName: "Zoë d’Aubigné",
      victimNamePublic: false,
      gender: "unknown",
      age: null,
      stateCode: null,
      sources: [{ url: null, title: "Testimonio" }],
      confidential: { witnesses: null, contacts: null, exactLocation: null, confidentialNotes: null },
    });
  });

  it("allows today and refuses tomorrow (with a 14-hour allowance for time zones)", () => {
    const today = new Date();
    const at = (d: Date) => valid((v) => (v.date = { year: String(d.getUTCFullYear()), month: String(d.getUTCMonth() + 1), day: String(d.getUTCDate()) }));
    expect(validateIncident(at(today)).ok).toBe(true);
    const later = validateIncident(at(new Date(today.getTime() + 2 * 86_400_000)));
    expect(later.ok ? null : later.errors["date.day"]).toEqual({ key: "futureDate" });
  });

  it("reads a record back as the same form values", () => {
    const values = valid((v) => {
      v.victimName = "Ngũgĩ";
      v.characteristics = ["journalist", "indigenous"];
      v.date = { year: "2024", month: "2", day: "" };
      v.company = { name: "Empresa", country: "CA" };
      v.confidential.contacts = "x";
    });
    const result = validateIncident(values);
    if (!result.ok) throw new Error("invalid");
    const back = incidentToFormValues({ ...result.data, characteristics: result.data.characteristics.map((code) => ({ code })) });
    expect(back).toEqual({ ...values, characteristics: ["indigenous", "journalist"] });
  });

  it("adds and removes source rows, never below one row", () => {
    const v = valid();
    expect(applySourceRowIntent(v, "add-source")!.sources).toHaveLength(2);
    expect(applySourceRowIntent(v, "remove-source-0")!.sources).toEqual([{ url: "", title: "" }]);
    expect(applySourceRowIntent(v, "save")).toBeNull();
  });

  it("merges a refused save three ways: yours where you changed, theirs where only they did", () => {
    const base = valid((v) => {
      v.municipality = "A";
      v.age = "30";
      v.description = "uno";
    });
    const theirs = structuredClone(base);
    theirs.municipality = "B";
    theirs.age = "31";
    const yours = structuredClone(base);
    yours.municipality = "C";
    yours.description = "dos";
    const { merged, both, theirsOnly } = mergeVersions(base, theirs, yours);
    expect(both).toEqual(["municipality"]);
    expect(theirsOnly).toEqual(["age"]);
    expect(merged).toMatchObject({ municipality: "C", age: "31", description: "dos" });
    // Without the base, every difference is shown and yours is kept.
    expect(mergeVersions(null, theirs, yours).both).toEqual(["age", "municipality", "description"]);
  });

  it("reads back a carried base version only when it has the right shape", () => {
    expect(parseFormValues(JSON.stringify(valid()))).toEqual(valid());
    expect(parseFormValues("{")).toBeNull();
    expect(parseFormValues(JSON.stringify({ date: 1 }))).toBeNull();
  });

  it("gives every field an element id for labels and the error summary", () => {
    expect(fieldId("sources.1.url")).toBe("f-sources-1-url");
    expect(errorId("date.year")).toBe("f-date-year-error");
  });
});
