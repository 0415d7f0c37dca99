// Logging, reading, editing, verifying, deleting and purging case records through
// the routes, as staff, viewers and admins do.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { getFixedT, LANGUAGES } from "~/lib/i18n.ts";
import { readIncidentForm } from "~/models/incident.schema.ts";
import { action as caseAction, loader as caseLoader } from "~/routes/incidents.$id._index.tsx";
import { action as editAction, loader as editLoader } from "~/routes/incidents.$id.edit.tsx";
import { action as purgeAction } from "~/routes/incidents.$id.purge.tsx";
import { loader as listLoader } from "~/routes/incidents._index.tsx";
import { action as newAction, loader as newLoader } from "~/routes/incidents.new.tsx";
import { signInAs, signInAsUser, type TestSession } from "../setup/auth.ts";
import { validIncidentFields } from "../setup/incidents.ts";
import { get, post } from "../setup/route.ts";
import { decryptField } from "~/lib/field-crypto.server.ts";

let staff: TestSession;
let staff2: TestSession;
let viewer: TestSession;
let admin: TestSession;

beforeAll(async () => {
  [staff, staff2, viewer, admin] = [await signInAs("staff"), await signInAs("staff"), await signInAs("viewer"), await signInAs("admin")];
});

async function counts() {
  const [incidents, sources, characteristics, confidential, audit] = await Promise.all([
    prisma.incident.count(),
    prisma.incidentSource.count(),
    prisma.incidentCharacteristic.count(),
    prisma.incidentConfidential.count(),
    prisma.auditEvent.count(),
  ]);
  return { incidents, sources, characteristics, confidential, audit };
}

function formOf(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) form.append(k, item);
  return form;
}

/** Logs a case as staff and returns its id (saving anyway if duplicates are shown). */
async function logCase(fields: Record<string, string | string[]>, session = staff): Promise<string> {
  let outcome = await post(newAction, "/incidents/new", fields, session);
  if (outcome.status === 200 && outcome.data?.duplicates?.length) {
    outcome = await post(
      newAction,
      "/incidents/new",
      { ...fields, saveAnyway: "1", acknowledged: outcome.data.duplicates.map((d: { id: string }) => d.id) },
      session,
    );
  }
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const id = /^\/incidents\/([^/?]+)\?done=created$/.exec(outcome.location!)?.[1];
  expect(id).toBeTruthy();
  return id!;
}

describe("logging an incident", () => {
  it("stores names with accents, apostrophes and non-Latin scripts exactly as typed, and shows them back", async () => {
    const names = ["María José O'Brien-Núñez", "Ñuu Savi Ixtlán", "Мария Петрова", "李秀英", "ʼAnaa Tsoʼ", "Zoë d’Aubigné", "Ngũgĩ wa Thiong'o"];
    for (const [i, name] of names.entries()) {
      const id = await logCase(validIncidentFields({ victimName: name, stateCode: "MOR", day: String(i + 1), month: String(i + 1) }));
      expect((await prisma.incident.findUniqueOrThrow({ where: { id } })).victimName).toBe(name);
      const page = await get(caseLoader, `/incidents/${id}`, viewer, { id });
      expect(page.data.incident.victimName).toBe(name);
      const edit = await get(editLoader, `/incidents/${id}/edit`, staff, { id });
      expect(edit.data.values.victimName).toBe(name);
    }
  });

  it("stores markup and script as plain text (React escapes it when shown)", async () => {
    const markup = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"`;
    const id = await logCase(validIncidentFields({ description: markup, victimName: "<b>Nombre</b>", municipality: "</td><td>x" }));
    const row = await prisma.incident.findUniqueOrThrow({ where: { id } });
    expect(row.description).toBe(markup);
    expect(row.victimName).toBe("<b>Nombre</b>");
    expect(row.municipality).toBe("</td><td>x");
  });

  it("saves every field, starts as reported, and writes one audit event without the staff-only values", async () => {
    const before = await counts();
    const id = await logCase(validIncidentFields({ stateCode: "TAB", year: "2025", month: "9", day: "19" }));
    const row = await prisma.incident.findUniqueOrThrow({
      where: { id },
      include: { characteristics: true, sources: { orderBy: { position: "asc" } }, confidential: true },
    });
    expect(row).toMatchObject({
      origin: "staff",
      datePrecision: "day",
      year: 2025,
      gender: "female",
      age: 38,
      sector: "mining_extractives",
      perpetratorType: "private_security",
      outcome: "threat",
      victimCount: 1,
      stateCode: "TAB",
      companyName: "Minera Ejemplo S.A. de C.V.",
      companyCountry: "CA",
      verificationStatus: "reported",
      version: 1,
    });
    expect(row.occurredOn.toISOString()).toBe("2025-09-19T00:00:00.000Z");
    expect(row.characteristics.map((c) => c.code).sort()).toEqual(["indigenous", "small_scale_farmer"]);
    expect(row.sources.map((s) => [s.title, s.url])).toEqual([
      ["Testimonio directo", null],
      ["Nota de prensa", "https://example.org/nota"],
    ]);
    // Stored encrypted (decision 102); read back exactly.
    const c = row.confidential!;
    expect(c.witnesses).toMatch(/^enc:v1:/);
    expect({ witnesses: c.witnesses, contacts: c.contacts, exactLocation: c.exactLocation, confidentialNotes: c.confidentialNotes }).toEqual({
      witnesses: expect.any(String),
      contacts: expect.any(String),
      exactLocation: expect.any(String),
      confidentialNotes: expect.any(String),
    });
    expect(Object.fromEntries((["witnesses", "contacts", "exactLocation", "confidentialNotes"] as const).map((k) => [k, decryptField(c[k])]))).toMatchObject({
      witnesses: "Testigo confidencial",
      contacts: "+52 000 000 0000",
      exactLocation: "17.55, -99.50",
      confidentialNotes: "Nota reservada",
    });
    const after = await counts();
    expect(after.incidents).toBe(before.incidents + 1);
    expect(after.audit).toBe(before.audit + 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id } });
    expect(event).toMatchObject({ action: "create", entityType: "incident", actorId: staff.userId });
    expect(JSON.parse(event.after!)).toMatchObject({
      stateCode: "TAB",
      outcome: "threat",
      staffOnlyFieldsFilled: ["witnesses", "contacts", "exactLocation", "confidentialNotes"],
    });
    for (const secret of ["Testigo confidencial", "+52 000 000 0000", "17.55, -99.50", "Nota reservada"]) {
      expect(`${event.before}${event.after}${event.summary}`).not.toContain(secret);
    }
  });

  it("keeps a month or a year alone as the date's precision", async () => {
    const month = await logCase(validIncidentFields({ stateCode: "YUC", month: "3", day: "" }));
    const year = await logCase(validIncidentFields({ stateCode: "YUC", year: "2019", month: "", day: "", victimName: "Otra persona distinta" }));
    expect(await prisma.incident.findUniqueOrThrow({ where: { id: month }, select: { datePrecision: true, occurredOn: true } })).toEqual({
      datePrecision: "month",
      occurredOn: new Date("2025-03-01T00:00:00Z"),
    });
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: year } })).datePrecision).toBe("year");
  });

  it("adds and removes source rows without JavaScript, keeping every value and saving nothing", async () => {
    const before = await counts();
    const fields = validIncidentFields({ intent: "add-source", victimName: "Sin guardar" });
    const added = await post(newAction, "/incidents/new", fields, staff);
    expect(added.status).toBe(200);
    expect(added.data.values.sources).toEqual([
      { url: "", title: "Testimonio directo" },
      { url: "https://example.org/nota", title: "Nota de prensa" },
      { url: "", title: "" },
    ]);
    expect(added.data.values.victimName).toBe("Sin guardar");
    const removed = await post(newAction, "/incidents/new", { ...fields, intent: "remove-source-0" }, staff);
    expect(removed.data.values.sources).toEqual([{ url: "https://example.org/nota", title: "Nota de prensa" }]);
    expect(removed.data.values.characteristics).toEqual(["indigenous", "small_scale_farmer"]);
    expect(await counts()).toEqual(before);
  });
});

describe("bad input on every field", () => {
  const long = (n: number) => "a".repeat(n + 1);
  const nextYear = String(new Date().getUTCFullYear() + 1);
  const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
  // [what is tried, fields changed, field path of the message, message key]
  const cases: [string, Record<string, string | string[]>, string, string][] = [
    ["empty year", { year: "" }, "date.year", "required"],
    ["a year that is not a number", { year: "20x5" }, "date.year", "notYear"],
    ["a year too early", { year: "1850" }, "date.year", "yearTooEarly"],
    ["a future year", { year: nextYear, month: "", day: "" }, "date.year", "futureDate"],
    [
      "a future day",
      { year: String(inTwoDays.getUTCFullYear()), month: String(inTwoDays.getUTCMonth() + 1), day: String(inTwoDays.getUTCDate()) },
      "date.day",
      "futureDate",
    ],
    ["an unknown month", { month: "13" }, "date.month", "unknownChoice"],
    ["a day that is not a number", { day: "tres" }, "date.day", "notDay"],
    ["a day without its month", { month: "", day: "5" }, "date.month", "dayNeedsMonth"],
    ["30 February", { month: "2", day: "30" }, "date.day", "noSuchDate"],
    ["a name too long", { victimName: long(200) }, "victimName", "tooLong"],
    ["an unknown gender", { gender: "robot" }, "gender", "unknownChoice"],
    ["an age that is not a number", { age: "treinta" }, "age", "notWholeNumber"],
    ["a negative age", { age: "-3" }, "age", "notWholeNumber"],
    ["an age too high", { age: "121" }, "age", "ageRange"],
    ["an unknown characteristic", { characteristics: ["indigenous", "alien"] }, "characteristics", "unknownChoice"],
    ["an empty sector", { sector: "" }, "sector", "required"],
    ["an unknown sector", { sector: "oil" }, "sector", "unknownChoice"],
    ["an empty perpetrator", { perpetratorType: "" }, "perpetratorType", "required"],
    ["an empty outcome", { outcome: "" }, "outcome", "required"],
    ["an unknown outcome", { outcome: "murdered" }, "outcome", "unknownChoice"],
    ["an empty number of victims", { victimCount: "" }, "victimCount", "required"],
    ["victims that are not a number", { victimCount: "two" }, "victimCount", "notWholeNumber"],
    ["zero victims", { victimCount: "0" }, "victimCount", "victimRange"],
    ["an unknown state", { stateCode: "XX" }, "stateCode", "unknownState"],
    ["a state written out", { stateCode: "Oaxaca" }, "stateCode", "unknownState"],
    ["a municipality too long", { municipality: long(200) }, "municipality", "tooLong"],
    ["a company name too long", { companyName: long(200) }, "company.name", "tooLong"],
    ["an unknown country", { companyCountry: "ZZ" }, "company.country", "unknownCountry"],
    ["a country without a company", { companyName: "", companyCountry: "CA" }, "company.name", "companyNameRequired"],
    ["a description too long", { description: long(5000) }, "description", "tooLong"],
    ["no source", { sourceTitle: ["", ""], sourceUrl: ["", ""] }, "sources.0.title", "sourceRequired"],
    ["a script address as source", { sourceTitle: ["Nota"], sourceUrl: ["javascript:alert(1)"] }, "sources.0.url", "notUrl"],
    ["a data: address as source", { sourceTitle: ["Nota"], sourceUrl: ["data:text/html,<script>alert(1)</script>"] }, "sources.0.url", "notUrl"],
    ["a source address that is not one", { sourceTitle: ["Nota"], sourceUrl: ["no es una dirección"] }, "sources.0.url", "notUrl"],
    ["a source address without title", { sourceTitle: ["", "Nota"], sourceUrl: ["https://example.org/x", ""] }, "sources.0.title", "sourceTitleRequired"],
    ["a source title too long", { sourceTitle: [long(300)], sourceUrl: [""] }, "sources.0.title", "tooLong"],
    ["a source address too long", { sourceTitle: ["Nota"], sourceUrl: [`https://example.org/${long(2000)}`] }, "sources.0.url", "tooLong"],
    ["witnesses too long", { witnesses: long(5000) }, "confidential.witnesses", "tooLong"],
    ["contacts too long", { contacts: long(5000) }, "confidential.contacts", "tooLong"],
    ["an exact location too long", { exactLocation: long(500) }, "confidential.exactLocation", "tooLong"],
    ["confidential notes too long", { confidentialNotes: long(10000) }, "confidential.confidentialNotes", "tooLong"],
  ];

  for (const [what, change, path, key] of cases) {
    it(`${what}: a clear message on ${path}, nothing stored, every value sent back`, async () => {
      const before = await counts();
      const fields = validIncidentFields({ ...change, victimName: change.victimName ?? "Ana María d'Alba Ñandú" });
      const outcome = await post(newAction, "/incidents/new", fields, staff);
      expect(outcome.status).toBe(400);
      expect(outcome.data.errors[path]?.key, JSON.stringify(outcome.data.errors)).toBe(key);
      // Nothing lost: the form comes back with exactly what was posted.
      expect(outcome.data.values).toEqual(readIncidentForm(formOf(fields)));
      expect(await counts()).toEqual(before);
      for (const lng of LANGUAGES) {
        const text = getFixedT(lng)(`validation.${key}`, outcome.data.errors[path].values ?? {});
        expect(text).not.toBe(`validation.${key}`);
        expect(text).not.toMatch(/\{\{|undefined/);
      }
    });
  }

  it("reports every wrong field at once", async () => {
    const outcome = await post(
      newAction,
      "/incidents/new",
      validIncidentFields({ year: "3000", age: "x", sector: "", stateCode: "XX", sourceUrl: ["ftp://x", ""] }),
      staff,
    );
    expect(Object.keys(outcome.data.errors).sort()).toEqual(["age", "date.day", "sector", "sources.0.url", "stateCode"]);
  });

  it("refuses the same bad input on edit, changing nothing", async () => {
    const id = await logCase(validIncidentFields({ stateCode: "NAY" }));
    const before = await prisma.incident.findUniqueOrThrow({ where: { id } });
    const fields = validIncidentFields({ version: "1", stateCode: "Nowhere", year: nextYear, month: "", day: "" });
    const outcome = await post(editAction, `/incidents/${id}/edit`, fields, staff, { id });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors.stateCode.key).toBe("unknownState");
    expect(outcome.data.errors["date.year"].key).toBe("futureDate");
    expect(outcome.data.values).toEqual(readIncidentForm(formOf(fields)));
    expect(await prisma.incident.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });
});

describe("possible duplicates", () => {
  it("are shown before saving, and saving anyway is a deliberate, audited choice", async () => {
    const first = await logCase(validIncidentFields({ victimName: "José Ramírez Hernández", stateCode: "CHH", year: "2025", month: "6", day: "10" }));
    const again = validIncidentFields({ victimName: "jose ramirez  HERNANDEZ", stateCode: "CHH", year: "2025", month: "6", day: "14" });
    const before = await counts();
    const shown = await post(newAction, "/incidents/new", again, staff);
    expect(shown.status).toBe(200);
    expect(shown.data.duplicates.map((d: { id: string }) => d.id)).toEqual([first]);
    expect(shown.data.values).toEqual(readIncidentForm(formOf(again)));
    // Ticking nothing, or acknowledging other cases, still saves nothing.
    expect((await post(newAction, "/incidents/new", { ...again, acknowledged: first }, staff)).data.duplicates).toHaveLength(1);
    expect((await post(newAction, "/incidents/new", { ...again, saveAnyway: "1" }, staff)).data.duplicates).toHaveLength(1);
    expect(await counts()).toEqual(before);
    const saved = await post(newAction, "/incidents/new", { ...again, saveAnyway: "1", acknowledged: first }, staff);
    expect(saved.status).toBe(302);
    const id = saved.location!.split("/")[2].split("?")[0];
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "create" } });
    expect(JSON.parse(event.after!).savedDespitePossibleDuplicates).toEqual([first]);
  });

  it("are not raised for another state, another week or another name", async () => {
    await logCase(validIncidentFields({ victimName: "Rosa Elena Pérez", stateCode: "SIN", year: "2024", month: "3", day: "1" }));
    for (const change of [{ stateCode: "SON" }, { day: "20" }, { victimName: "Tomás Quintero Luna" }]) {
      const outcome = await post(
        newAction,
        "/incidents/new",
        validIncidentFields({ victimName: "Rosa Elena Pérez", stateCode: "SIN", year: "2024", month: "3", day: "1", ...change }),
        staff,
      );
      expect(outcome.status, JSON.stringify(change)).toBe(302);
    }
  });
});

describe("what readers see", () => {
  it("viewers never receive a staff-only field, in the list or on the case page", async () => {
    const secrets = { witnesses: "SECRET-WITNESS", contacts: "SECRET-CONTACT", exactLocation: "SECRET-LOCATION", confidentialNotes: "SECRET-NOTE" };
    const id = await logCase(validIncidentFields({ ...secrets, victimName: "Nombre Reservado", victimNamePublic: "", stateCode: "QUE" }));
    await post(caseAction, `/incidents/${id}`, { intent: "verify", status: "verified", note: "STAFF-REVIEW-NOTE", version: "1" }, admin, { id });

    const page = await get(caseLoader, `/incidents/${id}`, viewer, { id });
    const list = await get(listLoader, "/incidents?state=QUE&verification=verified", viewer);
    for (const data of [page.data, list.data]) {
      const text = JSON.stringify(data);
      for (const secret of [...Object.values(secrets), "STAFF-REVIEW-NOTE", "Nombre Reservado"]) expect(text).not.toContain(secret);
      for (const key of [
        "confidential",
        "witnesses",
        "contacts",
        "exactLocation",
        "confidentialNotes",
        "verificationNote",
        "createdBy",
        "verifiedBy",
        "victimNamePublic",
      ]) {
        expect(text).not.toContain(`"${key}"`);
      }
    }
    expect(page.data.incident).toMatchObject({ victimName: null, nameWithheld: true, verificationStatus: "verified" });
    expect(list.data.rows.find((r: { id: string }) => r.id === id)).toMatchObject({ victimName: null, nameWithheld: true });

    // Staff see them all.
    const staffPage = await get(caseLoader, `/incidents/${id}`, staff, { id });
    expect(staffPage.data.incident.confidential).toEqual(secrets);
    expect(staffPage.data.incident.victimName).toBe("Nombre Reservado");
    expect(staffPage.data.incident.verificationNote).toBe("STAFF-REVIEW-NOTE");
    // The audit log records that the name is withheld, never the name.
    const events = await prisma.auditEvent.findMany({ where: { entityId: id } });
    for (const e of events) expect(`${e.before}${e.after}`).not.toMatch(/Nombre Reservado|SECRET-/);
  });

  it("anonymous visitors are sent to sign in for the case list and case pages", async () => {
    const list = await get(listLoader, "/incidents");
    expect(list.status).toBe(302);
    expect(list.location).toBe("/login?redirectTo=%2Fincidents");
    const anyCase = await prisma.incident.findFirstOrThrow();
    expect((await get(caseLoader, `/incidents/${anyCase.id}`, undefined, { id: anyCase.id })).status).toBe(302);
  });

  it("the list counts as the dashboards do by default, and a filter brings in the others", async () => {
    const id = await logCase(validIncidentFields({ stateCode: "COL" }));
    const byDefault = await get(listLoader, "/incidents?state=COL", viewer);
    expect(byDefault.data.rows.map((r: { id: string }) => r.id)).not.toContain(id);
    const reported = await get(listLoader, "/incidents?state=COL&verification=reported", viewer);
    expect(reported.data.rows.map((r: { id: string }) => r.id)).toContain(id);
    await post(caseAction, `/incidents/${id}`, { intent: "verify", status: "verified", note: "", version: "1" }, admin, { id });
    expect((await get(listLoader, "/incidents?state=COL", viewer)).data.rows.map((r: { id: string }) => r.id)).toContain(id);
  });

  it("explains bad filters and bad page links instead of failing", async () => {
    const outcome = await get(listLoader, "/incidents?from=19x&state=XX&after=garbage&sort=nonsense", viewer);
    expect(outcome.status).toBe(200);
    expect(outcome.data.problems.map((p: { reason: string }) => p.reason)).toEqual(["notYear", "unknownCode"]);
    expect(outcome.data.badCursor).toBe(true);
    expect(outcome.data.sort).toBe("date_desc");
    expect(outcome.data.rows).toHaveLength(50);
  });
});

describe("verification", () => {
  it("records reviewer, date and note, and refuses a decision on a version the reviewer did not see", async () => {
    const id = await logCase(validIncidentFields({ stateCode: "HID" }));
    const bad = await post(caseAction, `/incidents/${id}`, { intent: "verify", status: "approved", note: "x", version: "1" }, staff, { id });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.status.key).toBe("unknownChoice");
    const ok = await post(caseAction, `/incidents/${id}`, { intent: "verify", status: "disputed", note: "Fuentes contradictorias", version: "1" }, admin, {
      id,
    });
    expect(ok).toMatchObject({ status: 302, location: `/incidents/${id}?done=verified` });
    const row = await prisma.incident.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ verificationStatus: "disputed", verificationNote: "Fuentes contradictorias", verifiedById: admin.userId, version: 2 });
    expect(Math.abs(row.verifiedAt!.getTime() - Date.now())).toBeLessThan(60_000);
    // A second reviewer who opened version 1 is refused: no silent overwrite of the first decision.
    const stale = await post(caseAction, `/incidents/${id}`, { intent: "verify", status: "verified", note: "OK", version: "1" }, admin, { id });
    expect(stale.status).toBe(409);
    expect(stale.data.conflictVersion).toBe(2);
    expect((await prisma.incident.findUniqueOrThrow({ where: { id } })).verificationStatus).toBe("disputed");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "verify" } });
    expect(JSON.parse(event.after!)).toEqual({ verificationStatus: "disputed", verificationNote: "Fuentes contradictorias", version: 2 });
  });
});

describe("verification by a second person", () => {
  it("refuses the case's creator with a clear message, and lets another staff member verify it", async () => {
    const id = await logCase(validIncidentFields({ stateCode: "TLA" }));
    const page = await get(caseLoader, `/incidents/${id}`, staff, { id });
    expect(page.data.ownCase).toBe(true);
    const own = await post(caseAction, `/incidents/${id}`, { intent: "verify", status: "verified", note: "", version: "1" }, staff, { id });
    expect(own.status).toBe(400);
    expect(own.data.errors.form.key).toBe("ownCaseVerification");
    expect((await prisma.incident.findUniqueOrThrow({ where: { id } })).verificationStatus).toBe("reported");
    const other = await prisma.user.create({ data: { email: "second-reviewer@vigia.test", name: "Second reviewer", role: "staff", passwordHash: "!" } });
    const otherSession = await signInAsUser(other.id);
    expect((await get(caseLoader, `/incidents/${id}`, otherSession, { id })).data.ownCase).toBe(false);
    const ok = await post(caseAction, `/incidents/${id}`, { intent: "verify", status: "verified", note: "", version: "1" }, otherSession, { id });
    expect(ok).toMatchObject({ status: 302, location: `/incidents/${id}?done=verified` });
    expect(await prisma.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({ verificationStatus: "verified", verifiedById: other.id });
  });
});

describe("two people editing the same case", () => {
  it("refuses the second save with 409, shows both versions field by field, and keeps the second editor's input", async () => {
    const same = { stateCode: "AGU", year: "2025", month: "5", day: "5", municipality: "Calvillo", age: "30", description: "Versión inicial" };
    const id = await logCase(validIncidentFields(same));
    // Both open the edit form at version 1.
    const a = await get(editLoader, `/incidents/${id}/edit`, staff, { id });
    const b = await get(editLoader, `/incidents/${id}/edit`, staff2, { id });
    expect(a.data.version).toBe(1);
    const base = JSON.stringify(b.data.base);
    const form = (change: Record<string, string | string[]>) =>
      validIncidentFields({ ...same, version: "1", base, ...change, victimName: a.data.values.victimName });

    const first = await post(editAction, `/incidents/${id}/edit`, form({ municipality: "Aguascalientes", age: "31" }), staff, { id });
    expect(first).toMatchObject({ status: 302, location: `/incidents/${id}?done=saved` });

    const auditBefore = await prisma.auditEvent.count({ where: { entityId: id } });
    const secondFields = form({ municipality: "Jesús María", description: "Versión de la segunda persona" });
    const second = await post(editAction, `/incidents/${id}/edit`, secondFields, staff2, { id });
    expect(second.status).toBe(409);
    const { conflict, values, version } = second.data;
    expect(version).toBe(2);
    // Both versions are visible: theirs (saved) and yours (posted).
    expect(conflict.theirs.municipality).toBe("Aguascalientes");
    expect(conflict.yours.municipality).toBe("Jesús María");
    expect(conflict.both).toEqual(["municipality"]);
    expect(conflict.theirsOnly).toEqual(["age"]);
    expect(conflict.savedBy).toBe("Demo staff");
    // The form keeps every field the second editor changed, and takes the age only the first one changed.
    expect(values.municipality).toBe("Jesús María");
    expect(values.description).toBe("Versión de la segunda persona");
    expect(values.age).toBe("31");
    // Nothing was written by the refused save.
    const row = await prisma.incident.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ municipality: "Aguascalientes", age: 31, description: "Versión inicial", version: 2 });
    expect(await prisma.auditEvent.count({ where: { entityId: id } })).toBe(auditBefore);

    // Saving again, deliberately, from the version now shown.
    const third = await post(editAction, `/incidents/${id}/edit`, { ...secondFields, age: "31", version: "2", base: JSON.stringify(conflict.theirs) }, staff2, {
      id,
    });
    expect(third.status).toBe(302);
    expect(await prisma.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({ municipality: "Jesús María", age: 31, version: 3 });
  });

  it("without a base version still refuses and shows every differing field", async () => {
    const id = await logCase(validIncidentFields({ stateCode: "TLA", municipality: "Apizaco" }));
    await post(editAction, `/incidents/${id}/edit`, validIncidentFields({ stateCode: "TLA", municipality: "Huamantla", version: "1" }), staff, { id });
    const late = await post(editAction, `/incidents/${id}/edit`, validIncidentFields({ stateCode: "TLA", municipality: "Tlaxco", version: "1" }), staff2, {
      id,
    });
    expect(late.status).toBe(409);
    expect(late.data.conflict.both).toContain("municipality");
    expect(late.data.values.municipality).toBe("Tlaxco");
  });

  it("answers 409 when the case was deleted meanwhile, and 404 for a case that never existed", async () => {
    const id = await logCase(validIncidentFields({ stateCode: "DUR" }));
    const editForm = await get(editLoader, `/incidents/${id}/edit`, staff, { id });
    expect(editForm.status).toBe(200);
    await post(caseAction, `/incidents/${id}`, { intent: "delete" }, staff2, { id });
    const lateFields = validIncidentFields({ stateCode: "DUR", version: "1", description: "Lo que escribí" });
    const late = await post(editAction, `/incidents/${id}/edit`, lateFields, staff, { id });
    expect(late.status).toBe(409);
    expect(late.data.deleted).toBe(true);
    expect(late.data.values).toEqual(readIncidentForm(formOf(lateFields)));
    expect((await prisma.incident.findUniqueOrThrow({ where: { id } })).description).not.toBe("Lo que escribí");
    expect((await get(editLoader, "/incidents/nope/edit", staff, { id: "nope" })).status).toBe(404);
  });

  it("records the edit with its before and after, and names (never values) of changed staff-only fields", async () => {
    const id = await logCase(validIncidentFields({ stateCode: "CAM", municipality: "Calkiní", witnesses: "Primera" }));
    await post(
      editAction,
      `/incidents/${id}/edit`,
      validIncidentFields({ stateCode: "CAM", municipality: "Hopelchén", witnesses: "Segunda", version: "1" }),
      staff,
      { id },
    );
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "update" } });
    expect(JSON.parse(event.before!)).toMatchObject({ municipality: "Calkiní", version: 1 });
    expect(JSON.parse(event.after!)).toMatchObject({ municipality: "Hopelchén", version: 2, staffOnlyFieldsChanged: ["witnesses"] });
    expect(`${event.before}${event.after}`).not.toMatch(/Primera|Segunda/);
  });
});

describe("delete, restore and purge", () => {
  it("a soft delete hides the case from lists and viewers; staff restore it; only an admin purges it, after confirming", async () => {
    const id = await logCase(validIncidentFields({ stateCode: "BCS" }));
    await post(caseAction, `/incidents/${id}`, { intent: "verify", status: "verified", note: "", version: "1" }, admin, { id });
    expect((await post(caseAction, `/incidents/${id}`, { intent: "delete" }, staff, { id })).location).toBe(`/incidents/${id}?done=deleted`);
    expect((await prisma.incident.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    expect((await get(listLoader, "/incidents?state=BCS", viewer)).data.rows.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await get(caseLoader, `/incidents/${id}`, viewer, { id })).status).toBe(404);
    expect((await get(listLoader, "/incidents?view=deleted", staff)).data.rows.map((r: { id: string }) => r.id)).toContain(id);
    expect((await get(caseLoader, `/incidents/${id}`, staff, { id })).data.incident.deletedAt).toBeTruthy();

    expect((await post(caseAction, `/incidents/${id}`, { intent: "restore" }, staff, { id })).location).toBe(`/incidents/${id}?done=restored`);
    expect((await get(listLoader, "/incidents?state=BCS", viewer)).data.rows.map((r: { id: string }) => r.id)).toContain(id);

    // Purging needs a deleted case and a ticked confirmation.
    expect((await post(purgeAction, `/incidents/${id}/purge`, { confirm: "yes" }, admin, { id })).status).toBe(409);
    await post(caseAction, `/incidents/${id}`, { intent: "delete" }, staff, { id });
    const unconfirmed = await post(purgeAction, `/incidents/${id}/purge`, {}, admin, { id });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data.errors.confirm.key).toBe("confirmPurge");
    expect(await prisma.incident.count({ where: { id } })).toBe(1);
    const purged = await post(purgeAction, `/incidents/${id}/purge`, { confirm: "yes" }, admin, { id });
    expect(purged.location).toBe("/incidents?view=deleted&done=purged");
    expect(await prisma.incident.count({ where: { id } })).toBe(0);
    expect(await prisma.incidentConfidential.count({ where: { incidentId: id } })).toBe(0);
    expect(await prisma.incidentSource.count({ where: { incidentId: id } })).toBe(0);

    const actions = (await prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["create", "verify", "delete", "restore", "delete", "purge"]);
    const purge = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "purge" } });
    expect(purge.actorId).toBe(admin.userId);
    expect(JSON.parse(purge.before!)).toMatchObject({ stateCode: "BCS", verificationStatus: "verified" });
    expect(purge.before).not.toContain("Testigo confidencial");
  });

  it("the new-incident form starts empty, with two source rows and the name withheld", async () => {
    const outcome = await get(newLoader, "/incidents/new", staff);
    expect(outcome.data.values.sources).toHaveLength(2);
    expect(outcome.data.values.victimNamePublic).toBe(false);
    expect(outcome.data.countries.slice(0, 3).map((c: { code: string }) => c.code)).toEqual(["CA", "MX", "US"]);
  });
});

describe("records of other countries", () => {
  it("the list counts Mexico by default and offers the country choice once another country has records", async () => {
    const before = await get(listLoader, "/incidents?q=ñandupe", viewer);
    expect(before.data.countries.map((c: { code: string }) => c.code)).not.toContain("CO");
    await prisma.incident.create({
      data: {
        origin: "gw_dataset",
        externalId: "country-choice-co-1",
        occurredOn: new Date("2023-03-14"),
        year: 2023,
        victimName: "Rosa Ñandupe",
        countryCode: "CO",
        regionRaw: "Cauca",
        sector: "mining_extractives",
        perpetratorType: "hitmen",
        outcome: "killed",
      },
    });
    const mexico = await get(listLoader, "/incidents?q=ñandupe", viewer);
    expect(mexico.data.total).toBe(0);
    // Named in the reader's language, with Mexico among them.
    expect(mexico.data.countries).toEqual(
      expect.arrayContaining([
        { code: "CO", name: "Colombia" },
        { code: "MX", name: "Mexico" },
      ]),
    );
    const es = await get(listLoader, "/incidents?q=nandupe&lng=es", viewer);
    expect(es.data.countries).toEqual(expect.arrayContaining([{ code: "MX", name: "México" }]));
    for (const country of ["CO", "all"]) {
      const found = await get(listLoader, `/incidents?q=nandupe&country=${country}`, viewer);
      expect(
        found.data.rows.map((r: { victimName: string }) => r.victimName),
        country,
      ).toEqual(["Rosa Ñandupe"]);
      // The exports take the same country.
      expect(found.data.exportQuery).toContain(`country=${country}`);
    }
  });
});
