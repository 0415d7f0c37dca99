// Bulk runs of the link suggestion rules over every case record. A run is a row
// in LinkSuggestionJob, processed in chunks (one transaction each) in id order,
// recording its progress and cursor after every chunk: the progress page only
// reads the row, and a run whose server stopped can be resumed where it was.
import { prisma } from "~/lib/db.server.ts";
import { RULES_VERSION } from "~/domain/link-rules.ts";
import { writeAudit } from "./audit.server.ts";
import { loadProvisionTerms, suggestLinksForIncident } from "./link.server.ts";

export const JOB_CHUNK = 25;
/** A running job that has not advanced for this long is shown as stalled and may be resumed. */
export const STALL_MS = 60_000;

export interface LinkJobView {
  id: string;
  status: "queued" | "running" | "done" | "failed";
  stalled: boolean;
  rulesVersion: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  removed: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

type JobRow = NonNullable<Awaited<ReturnType<typeof prisma.linkSuggestionJob.findUnique>>>;

function toView(job: JobRow, now = Date.now()): LinkJobView {
  const active = job.status === "queued" || job.status === "running";
  return {
    id: job.id,
    status: job.status as LinkJobView["status"],
    stalled: active && now - job.updatedAt.getTime() > STALL_MS,
    rulesVersion: job.rulesVersion,
    total: job.total,
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    removed: job.removed,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export async function getLinkSuggestionJob(id: string): Promise<LinkJobView | null> {
  const job = await prisma.linkSuggestionJob.findUnique({ where: { id } });
  return job ? toView(job) : null;
}

export async function listLinkSuggestionJobs(take = 5): Promise<LinkJobView[]> {
  const rows = await prisma.linkSuggestionJob.findMany({ orderBy: { createdAt: "desc" }, take });
  return rows.map((r) => toView(r));
}

/**
 * Creates a run (audited) unless one is already under way, in which case that
 * one is returned: two runs at once would only do the work twice.
 */
export async function createLinkSuggestionJob(actorId: string | null): Promise<{ job: LinkJobView; alreadyRunning: boolean }> {
  return prisma.$transaction(async (tx) => {
    const active = await tx.linkSuggestionJob.findFirst({ where: { status: { in: ["queued", "running"] } }, orderBy: { createdAt: "desc" } });
    if (active && !toView(active).stalled) return { job: toView(active), alreadyRunning: true };
    const total = await tx.incident.count({ where: { deletedAt: null } });
    const job = await tx.linkSuggestionJob.create({ data: { rulesVersion: RULES_VERSION, total, startedById: actorId } });
    await writeAudit(tx, {
      // A run nobody started (first start, npm run links:suggest) is the rules' own.
      ...(actorId ? { actorId } : { actorId: null, system: { part: "rules", version: RULES_VERSION } as const }),
      action: "links_suggest_run",
      entityType: "link_job",
      entityId: job.id,
      after: { rulesVersion: RULES_VERSION, total },
      summary: `Started suggesting links for ${total} case records (rules ${RULES_VERSION})`,
    });
    return { job: toView(job), alreadyRunning: false };
  });
}

const running = new Set<string>();

/**
 * Processes a run to the end from its cursor. Safe to call again on a stalled
 * run; within one process a run is never processed twice at once.
 */
export async function runLinkSuggestionJob(id: string, onProgress?: (job: LinkJobView) => void): Promise<LinkJobView | null> {
  if (running.has(id)) return getLinkSuggestionJob(id);
  running.add(id);
  try {
    const found = await prisma.linkSuggestionJob.findUnique({ where: { id } });
    if (!found || found.status === "done") return found ? toView(found) : null;
    let job: JobRow = await prisma.linkSuggestionJob.update({ where: { id }, data: { status: "running", error: null } });
    const provisions = await loadProvisionTerms(prisma);
    for (;;) {
      const batch: { id: string }[] = await prisma.incident.findMany({
        where: { deletedAt: null, ...(job.cursor ? { id: { gt: job.cursor } } : {}) },
        select: { id: true },
        orderBy: { id: "asc" },
        take: JOB_CHUNK,
      });
      if (!batch.length) break;
      const before: JobRow = job;
      job = await prisma.$transaction(
        async (tx): Promise<JobRow> => {
          let created = 0;
          let updated = 0;
          let removed = 0;
          for (const { id: incidentId } of batch) {
            const r = await suggestLinksForIncident(tx, incidentId, { provisions });
            created += r.created;
            updated += r.updated;
            removed += r.removed;
          }
          return tx.linkSuggestionJob.update({
            where: { id },
            data: {
              processed: before.processed + batch.length,
              created: before.created + created,
              updated: before.updated + updated,
              removed: before.removed + removed,
              cursor: batch.at(-1)!.id,
            },
          });
        },
        { timeout: 60_000 },
      );
      onProgress?.(toView(job));
    }
    job = await prisma.linkSuggestionJob.update({
      where: { id },
      data: { status: "done", finishedAt: new Date(), total: Math.max(job.total, job.processed) },
    });
    onProgress?.(toView(job));
    return toView(job);
  } catch (error) {
    console.error(`Link suggestion run ${id} failed:`, error);
    await prisma.linkSuggestionJob
      .update({ where: { id }, data: { status: "failed", error: error instanceof Error ? error.message.slice(0, 500) : String(error) } })
      .catch(() => {});
    return getLinkSuggestionJob(id);
  } finally {
    running.delete(id);
  }
}

/** Starts processing in the background of this server process; the caller answers at once. */
export function startLinkSuggestionJobInBackground(id: string): void {
  void runLinkSuggestionJob(id);
}
