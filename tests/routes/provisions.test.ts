import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { loader as listLoader } from "~/routes/provisions._index.tsx";
import { loader as detailLoader } from "~/routes/provisions.$code._index.tsx";
import { action as newAction, loader as newLoader } from "~/routes/provisions.new.tsx";
import { action as editAction, loader as editLoader } from "~/routes/provisions.$code.edit.tsx";
import { action as newInstrumentAction } from "~/routes/provisions.instruments.new.tsx";
import { action as editInstrumentAction, loader as editInstrumentLoader } from "~/routes/provisions.instruments.$code.edit.tsx";
import { action as newMilestoneAction } from "~/routes/provisions.milestones.new.tsx";
import { action as editMilestoneAction, loader as editMilestoneLoader } from "~/routes/provisions.milestones.$key.edit.tsx";
import { loader as milestonesLoader } from "~/routes/provisions.milestones._index.tsx";
import { loader as rulesLoader } from "~/routes/provisions.rules.tsx";
import { getAs, postForm, signInAs, type TestSession } from "../setup/auth.ts";
import { postedEditForm } from "../setup/route.ts";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
function unwrap(result: unknown): { status: number; data: any; location?: string | null } {
  if (result instanceof Response) return { status: result.status, data: null, location: result.headers.get("Location") };
  const r = result as { type?: string; data?: any; init?: { status?: number } };
  if (r?.type === "DataWithResponseInit") return { status: r.init?.status ?? 200, data: r.data };
  return { status: 200, data: result };
}

let staff: TestSession;
let staff2: TestSession;
let viewer: TestSession;
beforeAll(async () => {
  [staff, staff2, viewer] = await Promise.all([signInAs("staff"), signInAs("staff"), signInAs("viewer")]);
});

const validProvision = {
  code: "ap-ii-test",
  instrumentCode: "CSP-AP",
  pillar: "II. Mobility, Inclusivity and Well-being",
  title: "Support for community radio",
  titleEs: "Apoyo a radios comunitarias",
  titleFr: "",
  summary: "A test commitment written for this test.",
  summaryEs: "Un compromiso de prueba.",
  summaryFr: "",
  status: "reported",
  statusNote: "",
  madeOn: "2025-09-18",
  termsEn: "community radio\nCommunity Radio\n\nbroadcaster",
  termsEs: "radio comunitaria",
  position: "50",
  sourceKey: "__new__",
  newSourceTitle: "A test source",
  newSourceUrl: "https://example.org/source",
  newSourcePublisher: "Example",
  newSourceKind: "article",
};

describe("/provisions", () => {
  it("groups every provision by instrument and pillar, gaps flagged, with sources and link counts", async () => {
    const data = (await listLoader(args(getAs("http://localhost/provisions")))) as any;
    const all = data.instruments.flatMap((i: any) => i.pillars.flatMap((p: any) => p.provisions));
    expect(all).toHaveLength(26);
    expect(data.instruments.map((i: any) => i.code)[0]).toBe("CSP-AP");
    const csp = data.instruments[0];
    expect(csp.pillars.map((p: any) => p.pillar)).toContain("III. Security");
    const gap = all.find((p: any) => p.code === "CSP-GAP-HRD");
    expect(gap).toMatchObject({ isGap: true, status: "unconfirmed" });
    expect(all.find((p: any) => p.code === "AP-I-MIN").source.title).toMatch(/La Jornada/);
    expect(all.every((p: any) => p.summary.text.length > 20)).toBe(true);
    expect(data.pending).toBeNull(); // anonymous: no review queue
  });

  it("shows text in the reader's language, and English marked as untranslated when a translation is missing", async () => {
    await prisma.provision.update({ where: { code: "AP-III-FENT" }, data: { summaryFr: null } });
    const fr = (await listLoader(args(getAs("http://localhost/provisions?lng=fr")))) as any;
    const all = fr.instruments.flatMap((i: any) => i.pillars.flatMap((p: any) => p.provisions));
    const fent = all.find((p: any) => p.code === "AP-III-FENT");
    expect(fent.title).toMatchObject({ untranslated: false });
    expect(fent.summary.untranslated).toBe(true);
    expect(fent.summary.text).toMatch(/fentanyl/i);
    const es = (await listLoader(args(getAs("http://localhost/provisions?lng=es")))) as any;
    expect(es.instruments[0].name).toEqual({ text: "Asociación Estratégica Integral México–Canadá y Plan de Acción 2025–2028", untranslated: false });
  });

  it("answers 404 for an unknown provision", async () => {
    await expect(detailLoader(args(getAs("http://localhost/provisions/NOPE"), { code: "NOPE" }))).rejects.toMatchObject({ status: 404 });
  });

  it("shows the rules to anyone, with their provisions", async () => {
    const data = (await rulesLoader(args(getAs("http://localhost/provisions/rules")))) as any;
    expect(data.rules.rules.map((r: any) => r.code)).toEqual([
      "sector-mining",
      "company-canada",
      "security-actor",
      "defender-mexico",
      "indigenous-land-conflict",
    ]);
    expect(data.isAdmin).toBe(false);
    expect(data.jobs).toEqual([]);
  });
});

describe("adding a provision", () => {
  it("is for staff only", async () => {
    await expect(newLoader(args(getAs("http://localhost/provisions/new", viewer)))).rejects.toMatchObject({ status: 403 });
    await expect(newAction(args(postForm("http://localhost/provisions/new", validProvision, viewer)))).rejects.toMatchObject({ status: 403 });
    const anonymous = await newLoader(args(getAs("http://localhost/provisions/new"))).catch((r) => r);
    expect(anonymous.status).toBe(302);
  });

  it("keeps everything typed and names each problem when the form is not valid", async () => {
    const bad = { ...validProvision, code: "bad code!", title: "", madeOn: "2025-02-30", status: "", newSourceUrl: "not a url", termsEs: "x".repeat(81) };
    const result = unwrap(await newAction(args(postForm("http://localhost/provisions/new", bad, staff))));
    expect(result.status).toBe(400);
    expect(result.data.values).toMatchObject({
      code: "bad code!",
      title: "",
      madeOn: "2025-02-30",
      summary: validProvision.summary,
      termsEn: validProvision.termsEn,
    });
    expect(result.data.errors).toMatchObject({
      code: { key: "badCode" },
      title: { key: "required" },
      madeOn: { key: "badDate" },
      status: { key: "required" },
      newSourceUrl: { key: "notUrl" },
      termsEs: { key: "termTooLong", values: { max: 80 } },
    });
    expect(await prisma.provision.count()).toBe(26);
  });

  it("refuses a code already used or reserved for a page", async () => {
    const taken = unwrap(await newAction(args(postForm("http://localhost/provisions/new", { ...validProvision, code: "AP-I-MIN" }, staff))));
    expect(taken.data.errors).toEqual({ code: { key: "codeTaken" } });
    const reserved = unwrap(await newAction(args(postForm("http://localhost/provisions/new", { ...validProvision, code: "rules" }, staff))));
    expect(reserved.data.errors.code).toEqual({ key: "reservedCode" });
  });

  it("saves a valid provision with a new source and its terms, audited", async () => {
    const result = unwrap(await newAction(args(postForm("http://localhost/provisions/new", validProvision, staff))));
    expect(result).toMatchObject({ status: 302, location: "/provisions/AP-II-TEST" });
    const saved = await prisma.provision.findUniqueOrThrow({ where: { code: "AP-II-TEST" }, include: { source: true, instrument: true } });
    expect(saved).toMatchObject({ titleEs: "Apoyo a radios comunitarias", titleFr: null, status: "reported", position: 50, isGap: false });
    expect(saved.madeOn?.toISOString().slice(0, 10)).toBe("2025-09-18");
    expect(JSON.parse(saved.termsEn!)).toEqual(["community radio", "broadcaster"]);
    expect(saved.source).toMatchObject({ title: "A test source", url: "https://example.org/source", kind: "article" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "provision", entityId: saved.id } });
    expect(event).toMatchObject({ action: "create", actorId: staff.userId, before: null });
    expect(JSON.parse(event.after!)).toMatchObject({ code: "AP-II-TEST", instrumentCode: "CSP-AP", termsEs: ["radio comunitaria"] });
    const page = (await detailLoader(args(getAs("http://localhost/provisions/AP-II-TEST?lng=fr"), { code: "AP-II-TEST" }))) as any;
    expect(page.provision.title).toEqual({ text: "Support for community radio", untranslated: true });
  });
});

describe("editing a provision", () => {
  it("saves the changes with an audit event of what changed", async () => {
    const form = (await editLoader(args(getAs("http://localhost/provisions/AP-I-MIN/edit", staff), { code: "AP-I-MIN" }))) as any;
    // Not a gap: the box is left unticked, so the browser posts nothing for it.
    const values: Record<string, string> = { ...postedEditForm(form.stored), statusNote: "checked against the plan text", code: "SOMETHING-ELSE" };
    delete values.isGap;
    const result = unwrap(await editAction(args(postForm("http://localhost/provisions/AP-I-MIN/edit", values, staff), { code: "AP-I-MIN" })));
    expect(result).toMatchObject({ status: 302, location: "/provisions/AP-I-MIN" });
    const saved = await prisma.provision.findUniqueOrThrow({ where: { code: "AP-I-MIN" } });
    expect(saved.statusNote).toBe("checked against the plan text");
    expect(saved.version).toBe(form.stored.version + 1);
    expect(await prisma.provision.count({ where: { code: "SOMETHING-ELSE" } })).toBe(0); // the code is fixed
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "provision", entityId: saved.id, action: "update" } });
    expect(JSON.parse(event.before!)).toEqual({ statusNote: null });
    expect(JSON.parse(event.after!)).toEqual({ statusNote: "checked against the plan text" });
  });

  it("detects that someone saved in between, saves nothing and keeps what was typed", async () => {
    const form = (await editLoader(args(getAs("http://localhost/provisions/AP-I-TRADE/edit", staff), { code: "AP-I-TRADE" }))) as any;
    const other = (await editLoader(args(getAs("http://localhost/provisions/AP-I-TRADE/edit", staff2), { code: "AP-I-TRADE" }))) as any;
    const first = unwrap(
      await editAction(
        args(postForm("http://localhost/provisions/AP-I-TRADE/edit", { ...postedEditForm(other.stored), pillar: "I. Prosperity (edited elsewhere)" }, staff2), {
          code: "AP-I-TRADE",
        }),
      ),
    );
    expect(first.status).toBe(302);
    const values = { ...postedEditForm(form.stored), summary: "My own rewording" };
    const result = unwrap(await editAction(args(postForm("http://localhost/provisions/AP-I-TRADE/edit", values, staff), { code: "AP-I-TRADE" })));
    expect(result.status).toBe(409);
    expect(result.data.errors).toBeNull();
    expect(result.data.values.summary).toBe("My own rewording");
    expect(result.data.version).toBe(form.stored.version + 1);
    expect(result.data.conflict).toMatchObject({ version: form.stored.version + 1, savedBy: "Demo staff" });
    expect(result.data.conflict.theirs.pillar).toBe("I. Prosperity (edited elsewhere)");
    expect(result.data.conflict.yours.summary).toBe("My own rewording");
    expect((await prisma.provision.findUniqueOrThrow({ where: { code: "AP-I-TRADE" } })).summary).not.toBe("My own rewording");
    // Saving again on the newer version goes through.
    const again = unwrap(
      await editAction(
        args(postForm("http://localhost/provisions/AP-I-TRADE/edit", { ...values, version: String(result.data.version) }, staff), { code: "AP-I-TRADE" }),
      ),
    );
    expect(again.status).toBe(302);
  });
});

describe("instruments and milestones", () => {
  it("adds and edits an instrument, audited", async () => {
    const created = unwrap(
      await newInstrumentAction(
        args(
          postForm(
            "http://localhost/provisions/instruments/new",
            { code: "MX-TEST", name: "A test law", nameEs: "Una ley de prueba", nameFr: "", kind: "law", position: "20", sourceKey: "" },
            staff,
          ),
        ),
      ),
    );
    expect(created.status).toBe(302);
    const form = (await editInstrumentLoader(args(getAs("http://localhost/provisions/instruments/MX-TEST/edit", staff), { code: "MX-TEST" }))) as any;
    const edited = unwrap(
      await editInstrumentAction(
        args(postForm("http://localhost/provisions/instruments/MX-TEST/edit", { ...postedEditForm(form.stored), nameFr: "Une loi d'essai" }, staff), {
          code: "MX-TEST",
        }),
      ),
    );
    expect(edited.status).toBe(302);
    const instrument = await prisma.instrument.findUniqueOrThrow({ where: { code: "MX-TEST" } });
    expect(instrument.nameFr).toBe("Une loi d'essai");
    const events = await prisma.auditEvent.findMany({ where: { entityType: "instrument", entityId: instrument.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["create", "update"]);
    expect(JSON.parse(events[1].after!)).toEqual({ nameFr: "Une loi d'essai" });
    const bad = unwrap(
      await newInstrumentAction(
        args(postForm("http://localhost/provisions/instruments/new", { code: "MX-TEST", name: "", kind: "poem", sourceKey: "nope" }, staff)),
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toMatchObject({ name: { key: "required" }, kind: { key: "unknownChoice" } });
  });

  it("adds and edits a milestone, audited, and shows it in the list", async () => {
    const created = unwrap(
      await newMilestoneAction(
        args(
          postForm(
            "http://localhost/provisions/milestones/new",
            {
              key: "second-follow-up",
              date: "2026-05-04",
              label: "Second follow-up meeting",
              labelEs: "",
              labelFr: "",
              instrumentCode: "CSP-AP",
              note: "",
              sourceKey: "",
            },
            staff,
          ),
        ),
      ),
    );
    expect(created).toMatchObject({ status: 302, location: "/provisions/milestones" });
    const form = (await editMilestoneLoader(
      args(getAs("http://localhost/provisions/milestones/second-follow-up/edit", staff), { key: "second-follow-up" }),
    )) as any;
    const edited = unwrap(
      await editMilestoneAction(
        args(
          postForm(
            "http://localhost/provisions/milestones/second-follow-up/edit",
            { ...postedEditForm(form.stored), labelEs: "Segunda reunión de seguimiento" },
            staff,
          ),
          {
            key: "second-follow-up",
          },
        ),
      ),
    );
    expect(edited.status).toBe(302);
    const list = (await milestonesLoader(args(getAs("http://localhost/provisions/milestones?lng=es")))) as any;
    expect(list.milestones.find((m: any) => m.key === "second-follow-up")).toMatchObject({
      label: "Segunda reunión de seguimiento",
      untranslated: false,
      instrumentCode: "CSP-AP",
    });
    const events = await prisma.auditEvent.findMany({ where: { entityType: "milestone" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["create", "update"]);
    const badDate = unwrap(
      await newMilestoneAction(
        args(postForm("http://localhost/provisions/milestones/new", { key: "Bad Key", date: "2026-13-01", label: "x", sourceKey: "" }, staff)),
      ),
    );
    expect(badDate.data.errors).toMatchObject({ key: { key: "badKey" }, date: { key: "badDate" } });
  });
});
