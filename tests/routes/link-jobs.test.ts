import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { createLinkSuggestionJob, getLinkSuggestionJob, STALL_MS } from "~/models/link-job.server.ts";
import { action as runAction, loader as rulesLoader } from "~/routes/provisions.rules.tsx";
import { action as resumeAction, loader as progressLoader, meta as progressMeta } from "~/routes/provisions.suggest.$id.tsx";
import { getAs, postForm, signInAs, type TestSession } from "../setup/auth.ts";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

async function waitForJob(id: string) {
  for (let i = 0; i < 300; i++) {
    const job = await getLinkSuggestionJob(id);
    if (job && (job.status === "done" || job.status === "failed")) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the run did not finish");
}

let admin: TestSession;
let staff: TestSession;
beforeAll(async () => {
  [admin, staff] = await Promise.all([signInAs("admin"), signInAs("staff")]);
});

describe("the admin button that suggests links for every case", () => {
  it("is refused to staff and to forms without the CSRF token", async () => {
    await expect(runAction(args(postForm("http://localhost/provisions/rules", {}, staff)))).rejects.toMatchObject({ status: 403 });
    const noToken = new Request("http://localhost/provisions/rules", { method: "POST", body: new URLSearchParams(), headers: { Cookie: admin.cookie } });
    await expect(runAction(args(noToken))).rejects.toMatchObject({ status: 403 });
    expect(await prisma.linkSuggestionJob.count()).toBe(0);
  });

  it("starts a run in the background, audited, and sends the admin to its progress page", async () => {
    const response = (await runAction(args(postForm("http://localhost/provisions/rules", {}, admin)))) as Response;
    expect(response.status).toBe(302);
    const id = response.headers.get("Location")!.match(/^\/provisions\/suggest\/(\w+)$/)![1];
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "link_job", entityId: id } });
    expect(event).toMatchObject({ action: "links_suggest_run", actorId: admin.userId });

    const job = await waitForJob(id);
    expect(job).toMatchObject({ status: "done", processed: 154, total: 154, stalled: false });
    expect(job.created).toBe(await prisma.incidentProvisionLink.count());

    const page = (await progressLoader(args(getAs(`http://localhost/provisions/suggest/${id}`, admin), { id }))) as any;
    expect(page.job).toMatchObject({ status: "done", processed: 154 });
    // Finished: the page stops refreshing itself.
    expect(progressMeta({ data: page } as any).some((m: any) => m.httpEquiv === "refresh")).toBe(false);
    const rules = (await rulesLoader(args(getAs("http://localhost/provisions/rules", admin)))) as any;
    expect(rules.isAdmin).toBe(true);
    expect(rules.jobs[0].id).toBe(id);
  });

  it("refreshes the progress page without JavaScript while a run is under way", async () => {
    const running = { lng: "en", canResume: true, job: { id: "x", status: "running", stalled: false, processed: 50, total: 154 } };
    expect(progressMeta({ data: running } as any)).toContainEqual({ httpEquiv: "refresh", content: "2" });
    expect(progressMeta({ data: { ...running, job: { ...running.job, stalled: true } } } as any).some((m: any) => m.httpEquiv)).toBe(false);
  });

  it("returns the run under way instead of starting a second one, and lets an admin resume a stalled run", async () => {
    const { job, alreadyRunning } = await createLinkSuggestionJob(admin.userId);
    expect(alreadyRunning).toBe(false);
    const second = await createLinkSuggestionJob(admin.userId);
    expect(second).toMatchObject({ alreadyRunning: true, job: { id: job.id } });
    // The server that ran it stopped a while ago: the job looks stalled, and resuming finishes it.
    await prisma.$executeRaw`UPDATE "LinkSuggestionJob" SET "status" = 'running', "updatedAt" = ${new Date(Date.now() - STALL_MS - 1000)} WHERE "id" = ${job.id}`;
    const page = (await progressLoader(args(getAs(`http://localhost/provisions/suggest/${job.id}`, staff), { id: job.id }))) as any;
    expect(page.job.stalled).toBe(true);
    expect(page.canResume).toBe(false); // staff may watch, only admins resume
    await expect(resumeAction(args(postForm(`http://localhost/provisions/suggest/${job.id}`, {}, staff), { id: job.id }))).rejects.toMatchObject({
      status: 403,
    });
    const resumed = (await resumeAction(args(postForm(`http://localhost/provisions/suggest/${job.id}`, {}, admin), { id: job.id }))) as Response;
    expect(resumed.status).toBe(302);
    const done = await waitForJob(job.id);
    expect(done).toMatchObject({ status: "done", processed: 154, created: 0 });
  });

  it("keeps the progress page for signed-in staff and admins", async () => {
    const viewer = await signInAs("viewer");
    const job = await prisma.linkSuggestionJob.findFirstOrThrow();
    await expect(progressLoader(args(getAs(`http://localhost/provisions/suggest/${job.id}`, viewer), { id: job.id }))).rejects.toMatchObject({ status: 403 });
    await expect(progressLoader(args(getAs("http://localhost/provisions/suggest/nope", admin), { id: "nope" }))).rejects.toMatchObject({ status: 404 });
  });
});
