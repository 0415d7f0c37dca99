// One form convention across the app: every form's refused post comes back as
// the same FieldErrors (a key under validation.* with its values), with every
// value as typed, and reads as real text in every language; and every record
// staff edit refuses a save over someone else's newer version (409), keeping
// what was typed and showing both versions.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { getFixedT, LANGUAGES } from "~/lib/i18n.ts";
import { action as caseAction } from "~/routes/incidents.$id._index.tsx";
import { action as editIncidentAction } from "~/routes/incidents.$id.edit.tsx";
import { action as purgeAction } from "~/routes/incidents.$id.purge.tsx";
import { action as newIncidentAction } from "~/routes/incidents.new.tsx";
import { action as linksAction } from "~/routes/incidents_.$id_.links.tsx";
import { action as manageUserAction } from "~/routes/admin.users.$id.tsx";
import { action as newUserAction } from "~/routes/admin.users.new.tsx";
import { action as editProvisionAction, loader as editProvisionLoader } from "~/routes/provisions.$code.edit.tsx";
import { action as newProvisionAction } from "~/routes/provisions.new.tsx";
import { action as editInstrumentAction, loader as editInstrumentLoader } from "~/routes/provisions.instruments.$code.edit.tsx";
import { action as newInstrumentAction } from "~/routes/provisions.instruments.new.tsx";
import { action as editMilestoneAction, loader as editMilestoneLoader } from "~/routes/provisions.milestones.$key.edit.tsx";
import { action as newMilestoneAction } from "~/routes/provisions.milestones.new.tsx";
import { signInAs, type TestSession } from "../setup/auth.ts";
import { makeIncident, validIncidentFields } from "../setup/incidents.ts";
import { get, post, postedEditForm, type Outcome } from "../setup/route.ts";

let staff: TestSession;
let staff2: TestSession;
let admin: TestSession;
let incidentId: string;
let deletedId: string;
let linkId: string;
let otherUserId: string;

beforeAll(async () => {
  [staff, staff2, admin] = [await signInAs("staff"), await signInAs("staff"), await signInAs("admin")];
  incidentId = await makeIncident();
  deletedId = await makeIncident(undefined, { deleted: true });
  const provision = await prisma.provision.findFirstOrThrow({ orderBy: { code: "asc" } });
  linkId = (await prisma.incidentProvisionLink.create({ data: { incidentId, provisionId: provision.id, method: "rule", status: "suggested" } })).id;
  otherUserId = (await prisma.user.findUniqueOrThrow({ where: { email: "viewer@vigia.test" } })).id;
});

/** Every message of an answer, read in every language: real text, values filled in. */
function expectTranslated(errors: Record<string, { key: string; values?: Record<string, string | number> }>) {
  for (const [path, error] of Object.entries(errors)) {
    expect(Object.keys(error).sort(), path).toEqual(error.values ? ["key", "values"] : ["key"]);
    for (const lng of LANGUAGES) {
      const text = getFixedT(lng)(`validation.${error.key}`, error.values ?? {});
      expect(text, `${lng}: ${path} ${error.key}`).not.toBe(`validation.${error.key}`);
      expect(text, `${lng}: ${path} ${error.key}`).not.toMatch(/\{\{|undefined|^validation\./);
    }
  }
  // Spanish and French are translations, not English copies.
  for (const error of Object.values(errors)) {
    const en = getFixedT("en")(`validation.${error.key}`, error.values ?? {});
    expect(getFixedT("es")(`validation.${error.key}`, error.values ?? {})).not.toBe(en);
    expect(getFixedT("fr")(`validation.${error.key}`, error.values ?? {})).not.toBe(en);
  }
}

describe("every form answers the same FieldErrors, translated in es and fr", () => {
  // [form, post, path that must be wrong, its key]
  const forms: [string, () => Promise<Outcome>, string, string][] = [
    ["log an incident", () => post(newIncidentAction, "/incidents/new", validIncidentFields({ age: "treinta", sector: "" }), staff), "age", "notWholeNumber"],
    [
      "edit an incident",
      () => post(editIncidentAction, `/incidents/${incidentId}/edit`, validIncidentFields({ version: "1", victimCount: "0" }), staff, { id: incidentId }),
      "victimCount",
      "victimRange",
    ],
    [
      "verify an incident",
      () => post(caseAction, `/incidents/${incidentId}`, { intent: "verify", status: "approved", note: "", version: "1" }, staff, { id: incidentId }),
      "status",
      "unknownChoice",
    ],
    ["purge an incident", () => post(purgeAction, `/incidents/${deletedId}/purge`, {}, admin, { id: deletedId }), "confirm", "confirmPurge"],
    [
      "add a provision",
      () =>
        post(
          newProvisionAction,
          "/provisions/new",
          { code: "AP-X", instrumentCode: "CSP-AP", pillar: "", title: "t", summary: "s", status: "reported" },
          staff,
        ),
      "pillar",
      "required",
    ],
    [
      "add an instrument",
      () => post(newInstrumentAction, "/provisions/instruments/new", { code: "bad code", name: "N", kind: "law" }, staff),
      "code",
      "badCode",
    ],
    ["add a milestone", () => post(newMilestoneAction, "/provisions/milestones/new", { key: "k", date: "2026-02-30", label: "L" }, staff), "date", "badDate"],
    [
      "decide on a link",
      () =>
        post(linksAction, `/incidents/${incidentId}/links`, { intent: "accept", linkId, expectedStatus: "suggested", rationale: "" }, staff, {
          id: incidentId,
        }),
      "rationale",
      "rationaleRequired",
    ],
    [
      "link a provision by hand",
      () => post(linksAction, `/incidents/${incidentId}/links`, { intent: "link", provisionId: "", rationale: "A reason" }, staff, { id: incidentId }),
      "provisionId",
      "provisionRequired",
    ],
    ["create a user", () => post(newUserAction, "/admin/users/new", { email: "x", name: "", role: "staff", password: "p" }, admin), "email", "notEmail"],
    [
      "change a user's role",
      () => post(manageUserAction, `/admin/users/${otherUserId}`, { intent: "role", role: "root" }, admin, { id: otherUserId }),
      "role",
      "unknownChoice",
    ],
    [
      "change one's own role",
      () => post(manageUserAction, `/admin/users/${admin.userId}`, { intent: "role", role: "viewer" }, admin, { id: admin.userId }),
      "form",
      "notOnSelf",
    ],
  ];

  for (const [name, send, path, key] of forms) {
    it(`${name}: ${path} -> validation.${key}`, async () => {
      const outcome = await send();
      expect([400, 403], JSON.stringify(outcome.data)).toContain(outcome.status);
      expect(outcome.data.errors[path]?.key, JSON.stringify(outcome.data.errors)).toBe(key);
      expectTranslated(outcome.data.errors);
    });
  }
});

describe("a save over someone else's newer version", () => {
  interface Case {
    kind: string;
    path: string;
    params: Record<string, string>;
    loader: Parameters<typeof get>[0];
    action: Parameters<typeof post>[0];
    /** Fields only they change, fields only you change, and one field you both change differently */
    theirs: Record<string, string>;
    yours: Record<string, string>;
    clash: [field: string, theirs: string, yours: string];
    row: () => Promise<{ id: string; version: number }>;
  }
  const cases: Case[] = [
    {
      kind: "instrument",
      path: "/provisions/instruments/CSP-AP/edit",
      params: { code: "CSP-AP" },
      loader: editInstrumentLoader,
      action: editInstrumentAction,
      theirs: { nameFr: "Leur traduction" },
      yours: { nameEs: "Mi traducción" },
      clash: ["position", "30", "40"],
      row: () => prisma.instrument.findUniqueOrThrow({ where: { code: "CSP-AP" } }),
    },
    {
      kind: "milestone",
      path: "/provisions/milestones/csp-launch/edit",
      params: { key: "csp-launch" },
      loader: editMilestoneLoader,
      action: editMilestoneAction,
      theirs: { labelEs: "Su etiqueta" },
      yours: { labelFr: "Mon libellé" },
      clash: ["note", "Their note", "My note"],
      row: () => prisma.milestone.findUniqueOrThrow({ where: { key: "csp-launch" } }),
    },
    {
      kind: "provision",
      path: "/provisions/AP-III-SECDIAL/edit",
      params: { code: "AP-III-SECDIAL" },
      loader: editProvisionLoader,
      action: editProvisionAction,
      theirs: { termsEn: "security dialogue\npolice" },
      yours: { summaryFr: "Mon résumé" },
      clash: ["statusNote", "Their note", "My note"],
      row: () => prisma.provision.findUniqueOrThrow({ where: { code: "AP-III-SECDIAL" } }),
    },
  ];

  for (const c of cases) {
    it(`${c.kind}: refused with 409, nothing written, yours kept, theirs shown and merged, saved again on purpose`, async () => {
      const mine = (await get(c.loader, c.path, staff, c.params)).data.stored;
      const other = (await get(c.loader, c.path, staff2, c.params)).data.stored;
      const base = JSON.stringify(mine.values);
      const [clash, theirClash, yourClash] = c.clash;
      expect((await post(c.action, c.path, { ...postedEditForm(other), ...c.theirs, [clash]: theirClash }, staff2, c.params)).status).toBe(302);
      const saved = await c.row();
      const audit = await prisma.auditEvent.count({ where: { entityId: saved.id } });

      const fields = { ...postedEditForm(mine), base, ...c.yours, [clash]: yourClash };
      const refused = await post(c.action, c.path, fields, staff, c.params);
      expect(refused.status).toBe(409);
      const { conflict, values, version, errors } = refused.data;
      expect(errors).toBeNull();
      expect(version).toBe(mine.version + 1);
      expect(conflict).toMatchObject({ version: mine.version + 1, savedBy: "Demo staff" });
      expect(Date.parse(conflict.savedAt)).not.toBeNaN();
      // Both versions, field by field.
      for (const [name, value] of Object.entries(c.theirs)) {
        expect(conflict.theirs[name]).toBe(value);
        expect(conflict.theirsOnly).toContain(name);
        // Only they changed it: the form now holds their value, so saving again keeps it.
        expect(values[name]).toBe(value);
      }
      for (const [name, value] of Object.entries(c.yours)) {
        expect(conflict.yours[name]).toBe(value);
        expect(conflict.both).not.toContain(name);
        expect(values[name]).toBe(value);
      }
      // Changed by both: shown side by side, and the form keeps yours.
      expect(conflict.both).toEqual([clash]);
      expect(conflict.theirs[clash]).toBe(theirClash);
      expect(conflict.yours[clash]).toBe(yourClash);
      expect(values[clash]).toBe(yourClash);
      // Nothing was written by the refused save.
      expect(await c.row()).toEqual(saved);
      expect(await prisma.auditEvent.count({ where: { entityId: saved.id } })).toBe(audit);

      // Saving again, deliberately, from the version now shown.
      const again = await post(
        c.action,
        c.path,
        { ...fields, ...refused.data.values, version: String(version), base: JSON.stringify(conflict.theirs) },
        staff,
        c.params,
      );
      expect(again.status, JSON.stringify(again.data)).toBe(302);
      const after = await c.row();
      expect(after.version).toBe(mine.version + 2);
      for (const [name, value] of Object.entries({ ...c.theirs, ...c.yours, [clash]: yourClash })) {
        // Terms are stored as a JSON list, one per line of the form.
        const expected = name.startsWith("terms") ? JSON.stringify(value.split("\n")) : name === "position" ? Number(value) : value;
        expect((after as Record<string, unknown>)[name], name).toBe(expected);
      }
    });
  }

  it("an edit without its version is refused and nothing is written", async () => {
    const stored = (await get(editInstrumentLoader, "/provisions/instruments/CSP-AP/edit", staff, { code: "CSP-AP" })).data.stored;
    const before = await prisma.instrument.findUniqueOrThrow({ where: { code: "CSP-AP" } });
    const { version: _version, ...withoutVersion } = postedEditForm(stored);
    const outcome = await post(editInstrumentAction, "/provisions/instruments/CSP-AP/edit", { ...withoutVersion, nameFr: "Sans version" }, staff, {
      code: "CSP-AP",
    });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors.form.key).toBe("noVersion");
    expect(outcome.data.values.nameFr).toBe("Sans version");
    expectTranslated(outcome.data.errors);
    expect(await prisma.instrument.findUniqueOrThrow({ where: { code: "CSP-AP" } })).toEqual(before);
  });
});
