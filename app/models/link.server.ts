// Every Prisma query on links between case records and provisions
// (IncidentProvisionLink): suggestions from the rules and the text signal,
// human decisions (audited), and the counts behind scorecards and the matrix.
// Counts run in SQL (GROUP BY / COUNT); no function here loads all links to count them.
import { insertMany, newId, type RawExecutor } from "~/lib/bulk-insert.server.ts";
import type { DatabaseKind } from "~/lib/database-url.ts";
import { prisma, type Db, type Prisma } from "~/lib/db.server.ts";
import { refuse, type SaveResult } from "~/lib/form.ts";
import type { Language } from "~/lib/i18n.ts";
import { isLinkType, proposeLinkType, type LinkType } from "~/domain/link-type.ts";
import { describeRules, LINK_RULES, parseTermList, proposeLinks, type CaseFacts, type ProvisionTerms, type RuleFired } from "~/domain/link-rules.ts";
import { rulesFileSchema } from "~/domain/link-rules-schema.ts";
import type { TermMatch } from "~/domain/term-match.ts";
import { writeAudit } from "./audit.server.ts";
import type { IncidentFilter } from "~/domain/incident-filter.ts";
import { incidentSummarySelect, toIncidentSummary, type IncidentSummary } from "./incident-summary.server.ts";
import { incidentWhere } from "./incident.server.ts";
import { localized } from "~/domain/localized-text.ts";

// The rules file is checked on the server when this module loads (never in the browser): a
// malformed app/data/link-rules.json stops the server instead of suggesting wrong links.
rulesFileSchema.parse(LINK_RULES);

export const LINK_STATUSES = ["suggested", "accepted", "rejected"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];
export const LINK_METHODS = ["rule", "text", "person"] as const;
export type LinkMethod = (typeof LINK_METHODS)[number];

/** What suggestLinksForIncident needs: the client or an interactive transaction. */
export type LinkDb = Pick<Db, "incident" | "provision" | "incidentProvisionLink">;

export interface SuggestResult {
  created: number;
  /** Suggestions whose explanation (rules, terms, score) changed */
  updated: number;
  /** Suggestions no longer supported by any rule or term (never a decided link) */
  removed: number;
  /** Accepted or rejected links left exactly as decided */
  keptDecisions: number;
}

/** Provisions with their terms, loaded once for a batch of cases. */
export async function loadProvisionTerms(db: Pick<Db, "provision">): Promise<ProvisionTerms[]> {
  const rows = await db.provision.findMany({ select: { id: true, code: true, termsEn: true, termsEs: true, madeOn: true }, orderBy: { code: "asc" } });
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    termsEn: parseTermList(p.termsEn),
    termsEs: parseTermList(p.termsEs),
    madeOn: p.madeOn ? p.madeOn.toISOString().slice(0, 10) : null,
  }));
}

/** What the rules and the text signal look at in a case record. */
export function caseFacts(incident: {
  sector: string;
  perpetratorType: string;
  companyCountry: string | null;
  countryCode: string;
  characteristics: string[];
  description: string | null;
  sources: { title: string }[];
}): CaseFacts {
  return {
    sector: incident.sector,
    perpetratorType: incident.perpetratorType,
    companyCountry: incident.companyCountry,
    countryCode: incident.countryCode,
    characteristics: incident.characteristics,
    text: [incident.description ?? "", ...incident.sources.map((s) => s.title)].join("\n"),
  };
}

/**
 * Runs the rules and the text signal on one case record and stores the result as
 * suggestions. Call it inside the transaction that creates or edits the case:
 *
 *   await prisma.$transaction(async (tx) => {
 *     const incident = await tx.incident.update(...);
 *     await suggestLinksForIncident(tx, incident.id);
 *   });
 *
 * Human decisions always win: an accepted or rejected link (and any link made by
 * a person) is never changed or removed, and never duplicated. A link still only
 * suggested gets its explanation refreshed, and is removed when nothing supports
 * it any more (for example after the case's sector was corrected).
 */
export async function suggestLinksForIncident(tx: LinkDb, incidentId: string, options: { provisions?: ProvisionTerms[] } = {}): Promise<SuggestResult> {
  const result: SuggestResult = { created: 0, updated: 0, removed: 0, keptDecisions: 0 };
  const incident = await tx.incident.findUnique({
    where: { id: incidentId },
    select: {
      id: true,
      deletedAt: true,
      occurredOn: true,
      sector: true,
      perpetratorType: true,
      companyCountry: true,
      countryCode: true,
      description: true,
      characteristics: { select: { code: true } },
      sources: { select: { title: true }, orderBy: { position: "asc" } },
    },
  });
  if (!incident || incident.deletedAt) return result;
  const facts = caseFacts({ ...incident, characteristics: incident.characteristics.map((c) => c.code) });
  const provisions = options.provisions ?? (await loadProvisionTerms(tx));
  const madeOn = new Map(provisions.map((p) => [p.id, p.madeOn ?? null]));
  const proposals = proposeLinks(facts, provisions);
  const existing = await tx.incidentProvisionLink.findMany({
    where: { incidentId },
    select: { id: true, provisionId: true, status: true, method: true, rulesFired: true, matchedTerms: true, score: true, linkType: true },
  });
  const byProvision = new Map(existing.map((l) => [l.provisionId, l]));
  const proposed = new Set<string>();
  for (const p of proposals) {
    proposed.add(p.provisionId);
    const explanation = {
      method: p.method,
      rulesFired: JSON.stringify(p.rulesFired),
      matchedTerms: JSON.stringify(p.matchedTerms),
      score: p.score,
      linkType: proposeLinkType(p.ruleLinkTypes, incident.occurredOn, madeOn.get(p.provisionId) ?? null),
    };
    const link = byProvision.get(p.provisionId);
    if (!link) {
      await tx.incidentProvisionLink.create({ data: { incidentId, provisionId: p.provisionId, status: "suggested", ...explanation } });
      result.created++;
    } else if (link.status !== "suggested" || link.method === "person") {
      result.keptDecisions++;
    } else if (
      link.method !== explanation.method ||
      link.rulesFired !== explanation.rulesFired ||
      link.matchedTerms !== explanation.matchedTerms ||
      link.score !== explanation.score ||
      link.linkType !== explanation.linkType
    ) {
      // Only while still suggested, and only if nobody decided in the meantime.
      const { count } = await tx.incidentProvisionLink.updateMany({ where: { id: link.id, status: "suggested" }, data: explanation });
      result.updated += count;
    }
  }
  const stale = existing.filter((l) => !proposed.has(l.provisionId) && l.status === "suggested" && l.method !== "person");
  if (stale.length) {
    const { count } = await tx.incidentProvisionLink.deleteMany({ where: { id: { in: stale.map((l) => l.id) }, status: "suggested" } });
    result.removed += count;
  }
  result.keptDecisions += existing.filter((l) => !proposed.has(l.provisionId) && (l.status !== "suggested" || l.method === "person")).length;
  return result;
}

/**
 * The same suggestions as suggestLinksForIncident, for many case records just
 * created in the caller's transaction (they have no links yet), written in
 * batches: a bulk import would otherwise spend most of its time here. Records
 * with the same facts get the same proposals, worked out once.
 */
export async function suggestLinksForNewIncidents(
  tx: RawExecutor,
  kind: DatabaseKind,
  cases: { id: string; facts: CaseFacts; occurredOn: Date | string }[],
  provisions: ProvisionTerms[],
): Promise<number> {
  const now = new Date();
  const madeOn = new Map(provisions.map((p) => [p.id, p.madeOn ?? null]));
  const memo = new Map<string, ReturnType<typeof proposeLinks>>();
  const textMatches = new Map<string, TermMatch[]>();
  const rows: Record<string, unknown>[] = [];
  for (const c of cases) {
    const key = JSON.stringify(c.facts);
    let proposals = memo.get(key);
    if (!proposals) memo.set(key, (proposals = proposeLinks(c.facts, provisions, undefined, textMatches)));
    for (const p of proposals) {
      rows.push({
        id: newId(),
        incidentId: c.id,
        provisionId: p.provisionId,
        status: "suggested",
        method: p.method,
        rulesFired: JSON.stringify(p.rulesFired),
        matchedTerms: JSON.stringify(p.matchedTerms),
        score: p.score,
        linkType: proposeLinkType(p.ruleLinkTypes, c.occurredOn, madeOn.get(p.provisionId) ?? null),
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  return insertMany(tx, kind, "IncidentProvisionLink", rows);
}

// ---------- Decisions ----------

/** A decision refused because the link is no longer as the reviewer saw it: its status now. */
export interface DecisionConflict {
  status: string;
}

/** A link made by hand refused because the case is already linked to that provision: that link. */
export interface ExistingLink {
  linkId: string;
}

type LinkSnapshot = {
  incidentId: string;
  provisionCode: string;
  method: string;
  status: string;
  linkType: string;
  rationale: string | null;
  score: number | null;
};

function snapshot(link: {
  incidentId: string;
  method: string;
  status: string;
  linkType: string;
  rationale: string | null;
  score: number | null;
  provision: { code: string };
}): LinkSnapshot {
  return {
    incidentId: link.incidentId,
    provisionCode: link.provision.code,
    method: link.method,
    status: link.status,
    linkType: link.linkType,
    rationale: link.rationale,
    score: link.score,
  };
}

/**
 * Accepts or rejects a link (a suggestion, or reverses an earlier decision),
 * with the reviewer's rationale, and writes the audit event in the same
 * transaction. `expectedStatus` is the status the reviewer saw: if someone
 * decided in the meantime, nothing changes and the outcome is a conflict.
 */
export async function decideLink(input: {
  linkId: string;
  decision: "accepted" | "rejected";
  rationale: string;
  actorId: string;
  expectedStatus: LinkStatus;
  /** How the case bears on the provision; unchanged when not given */
  linkType?: LinkType;
  /** When given, the link must belong to this case record. */
  incidentId?: string;
}): Promise<SaveResult<{ linkId: string }, DecisionConflict>> {
  return prisma.$transaction(async (tx) => {
    const link = await tx.incidentProvisionLink.findUnique({ where: { id: input.linkId }, include: { provision: { select: { code: true } } } });
    if (!link || (input.incidentId && link.incidentId !== input.incidentId)) return { ok: false, missing: true } as const;
    if (link.status !== input.expectedStatus || link.status === input.decision) return { ok: false, conflict: { status: link.status } } as const;
    const now = new Date();
    const { count } = await tx.incidentProvisionLink.updateMany({
      where: { id: link.id, status: input.expectedStatus },
      data: { status: input.decision, rationale: input.rationale, reviewedById: input.actorId, reviewedAt: now, linkType: input.linkType ?? link.linkType },
    });
    if (count !== 1) {
      const now = await tx.incidentProvisionLink.findUnique({ where: { id: link.id }, select: { status: true } });
      return { ok: false, conflict: { status: now?.status ?? link.status } } as const;
    }
    const before = snapshot(link);
    await writeAudit(tx, {
      actorId: input.actorId,
      action: input.decision === "accepted" ? "link_accept" : "link_reject",
      entityType: "link",
      entityId: link.id,
      before,
      after: { ...before, status: input.decision, rationale: input.rationale, linkType: input.linkType ?? link.linkType },
      summary: `${input.decision === "accepted" ? "Accepted" : "Rejected"} link of case ${link.incidentId} to ${link.provision.code}`,
    });
    return { ok: true, linkId: link.id } as const;
  });
}

/** A staff member links a case to any provision by hand: accepted at once, with a rationale, audited. */
export async function linkIncidentByHand(input: {
  incidentId: string;
  provisionId: string;
  rationale: string;
  actorId: string;
  linkType?: LinkType;
}): Promise<SaveResult<{ linkId: string }, ExistingLink>> {
  return prisma.$transaction(async (tx) => {
    // One after the other: a transaction is one connection, which runs one query at a time (pg 9 refuses a second).
    const incident = await tx.incident.findFirst({ where: { id: input.incidentId, deletedAt: null }, select: { id: true } });
    const provision = await tx.provision.findUnique({ where: { id: input.provisionId }, select: { id: true, code: true } });
    if (!incident) return { ok: false, missing: true } as const;
    if (!provision) return refuse("provisionId", "unknownProvision");
    const existing = await tx.incidentProvisionLink.findUnique({
      where: { incidentId_provisionId: { incidentId: input.incidentId, provisionId: input.provisionId } },
      select: { id: true },
    });
    if (existing) return { ok: false, conflict: { linkId: existing.id } } as const;
    const link = await tx.incidentProvisionLink.create({
      data: {
        incidentId: input.incidentId,
        provisionId: input.provisionId,
        method: "person",
        status: "accepted",
        linkType: input.linkType ?? "in_scope",
        rationale: input.rationale,
        reviewedById: input.actorId,
        reviewedAt: new Date(),
      },
      include: { provision: { select: { code: true } } },
    });
    await writeAudit(tx, {
      actorId: input.actorId,
      action: "link_create",
      entityType: "link",
      entityId: link.id,
      before: null,
      after: snapshot(link),
      summary: `Linked case ${input.incidentId} to ${provision.code} by hand`,
    });
    return { ok: true, linkId: link.id } as const;
  });
}

// ---------- Reading links ----------

export interface LinkView {
  id: string;
  incidentId: string;
  status: LinkStatus;
  method: LinkMethod;
  linkType: LinkType;
  /** Codes of the rules behind a suggestion */
  rulesFired: string[];
  /** The same rules, described in the reader's language (what the page shows) */
  rules: RuleFired[];
  matchedTerms: TermMatch[];
  score: number | null;
  /** The reviewer's words: null for anonymous readers (decision 021) */
  rationale: string | null;
  /** The reviewer's name: null for anonymous readers (decision 021) */
  reviewedBy: string | null;
  reviewedAt: string | null;
  provision: { id: string; code: string; title: string; untranslated: boolean; isGap: boolean; status: string };
}

function parseJsonArray<T>(json: string | null): T[] {
  if (!json) return [];
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** What every reader of a link is given of it (pages and the API), before its provision. */
const linkFields = {
  id: true,
  incidentId: true,
  status: true,
  method: true,
  linkType: true,
  rulesFired: true,
  matchedTerms: true,
  score: true,
  rationale: true,
  reviewedAt: true,
  reviewedBy: { select: { name: true } },
} as const;

const linkSelect = {
  ...linkFields,
  provision: {
    select: {
      id: true,
      code: true,
      title: true,
      titleEs: true,
      titleFr: true,
      isGap: true,
      status: true,
      position: true,
      instrument: { select: { position: true } },
    },
  },
} satisfies Prisma.IncidentProvisionLinkSelect;

type LinkRow = Prisma.IncidentProvisionLinkGetPayload<{ select: typeof linkSelect }>;

/**
 * Who reads the links. Reviewers' names and rationales are staff identities and
 * their words: only signed-in readers get them (decision 021); for anonymous
 * readers they are left out here, on the server, never merely hidden on the page.
 */
export interface LinkReader {
  signedIn: boolean;
}

function toLinkView(row: LinkRow, lng: Language, reader: LinkReader): LinkView {
  const title = localized(row.provision.title, row.provision.titleEs, row.provision.titleFr, lng);
  return {
    id: row.id,
    incidentId: row.incidentId,
    status: row.status as LinkStatus,
    method: row.method as LinkMethod,
    linkType: (isLinkType(row.linkType) ? row.linkType : "in_scope") as LinkType,
    rulesFired: parseJsonArray<string>(row.rulesFired),
    rules: describeRules(parseJsonArray<string>(row.rulesFired), lng),
    matchedTerms: parseJsonArray<TermMatch>(row.matchedTerms),
    score: row.score,
    rationale: reader.signedIn ? row.rationale : null,
    reviewedBy: reader.signedIn ? (row.reviewedBy?.name ?? null) : null,
    reviewedAt: row.reviewedAt ? row.reviewedAt.toISOString() : null,
    provision: {
      id: row.provision.id,
      code: row.provision.code,
      title: title.text,
      untranslated: title.untranslated,
      isGap: row.provision.isGap,
      status: row.provision.status,
    },
  };
}

/** Every link of one case, suggestions first by score, then decided ones. */
export async function listLinksForIncident(incidentId: string, lng: Language, reader: LinkReader): Promise<LinkView[]> {
  const rows = await prisma.incidentProvisionLink.findMany({ where: { incidentId }, select: linkSelect });
  const order: Record<string, number> = { suggested: 0, accepted: 1, rejected: 2 };
  return rows
    .map((r) => toLinkView(r, lng, reader))
    .sort((a, b) => order[a.status] - order[b.status] || (b.score ?? 0) - (a.score ?? 0) || a.provision.code.localeCompare(b.provision.code));
}

/** The case and provision of each link with these ids (for naming records in the audit log). */
export async function findLinkEnds(ids: string[]): Promise<Map<string, { incidentId: string; provisionCode: string }>> {
  const rows = ids.length
    ? await prisma.incidentProvisionLink.findMany({ where: { id: { in: ids } }, select: { id: true, incidentId: true, provision: { select: { code: true } } } })
    : [];
  return new Map(rows.map((r) => [r.id, { incidentId: r.incidentId, provisionCode: r.provision.code }]));
}

export interface ProvisionLinkRow extends LinkView {
  incident: IncidentSummary;
}

/** Links of one provision with a given status (and type, when given), with the case records they point to (newest cases first). */
export async function listLinksForProvision(
  provisionId: string,
  status: LinkStatus,
  lng: Language,
  reader: LinkReader,
  { take = 200, linkType }: { take?: number; linkType?: LinkType } = {},
): Promise<ProvisionLinkRow[]> {
  const rows = await prisma.incidentProvisionLink.findMany({
    where: { provisionId, status, ...(linkType ? { linkType } : {}), incident: incidentWhere({}) },
    select: { ...linkSelect, incident: { select: incidentSummarySelect } },
    orderBy: [{ incident: { occurredOn: "desc" } }, { id: "asc" }],
    take,
  });
  return rows.map((r) => ({ ...toLinkView(r, lng, reader), incident: toIncidentSummary(r.incident) }));
}

/** Links per status for one provision, counted in SQL. */
export async function countLinksByStatus(provisionId: string, linkType?: LinkType): Promise<Record<LinkStatus, number>> {
  const rows = await prisma.incidentProvisionLink.groupBy({
    by: ["status"],
    where: { provisionId, ...(linkType ? { linkType } : {}), incident: incidentWhere({}) },
    _count: { _all: true },
  });
  const counts: Record<LinkStatus, number> = { suggested: 0, accepted: 0, rejected: 0 };
  for (const r of rows) if (r.status in counts) counts[r.status as LinkStatus] = r._count._all;
  return counts;
}

/** Accepted and suggested links per provision (for the list of provisions), counted in SQL. */
export async function countLinksPerProvision(): Promise<Map<string, Record<LinkStatus, number>>> {
  const rows = await prisma.incidentProvisionLink.groupBy({
    by: ["provisionId", "status"],
    where: { incident: incidentWhere({}) },
    _count: { _all: true },
  });
  const map = new Map<string, Record<LinkStatus, number>>();
  for (const r of rows) {
    const counts = map.get(r.provisionId) ?? { suggested: 0, accepted: 0, rejected: 0 };
    if (r.status in counts) counts[r.status as LinkStatus] = r._count._all;
    map.set(r.provisionId, counts);
  }
  return map;
}

/** Suggestions waiting for review, across all cases (for the review queue). */
export async function countPendingSuggestions(): Promise<number> {
  return prisma.incidentProvisionLink.count({ where: { status: "suggested", incident: incidentWhere({}) } });
}

// ---------- Counts for scorecards and the matrix (accepted links unless said otherwise) ----------

function linkedIncidentWhere(provisionId: string, filter: IncidentFilter, statuses: LinkStatus[] = ["accepted"]): Prisma.IncidentWhereInput {
  return { AND: [incidentWhere(filter), { links: { some: { provisionId, status: { in: statuses } } } }] };
}

/** Case records with an accepted (or, when asked, suggested) link to the provision, per year (SQL GROUP BY year). */
export async function countLinkedIncidentsByYear(
  provisionId: string,
  filter: IncidentFilter = {},
  status: LinkStatus = "accepted",
): Promise<{ year: number; records: number }[]> {
  const rows = await prisma.incident.groupBy({
    by: ["year"],
    where: linkedIncidentWhere(provisionId, filter, [status]),
    _count: { _all: true },
    orderBy: { year: "asc" },
  });
  return rows.map((r) => ({ year: r.year, records: r._count._all }));
}

/** Case records with an accepted (or, when asked, suggested) link to the provision that happened in [from, to). */
export async function countLinkedIncidentsBetween(provisionId: string, from: Date | null, to: Date | null, status: LinkStatus = "accepted"): Promise<number> {
  const occurredOn: Prisma.DateTimeFilter = {};
  if (from) occurredOn.gte = from;
  if (to) occurredOn.lt = to;
  return prisma.incident.count({ where: { AND: [linkedIncidentWhere(provisionId, {}, [status]), { occurredOn }] } });
}

export interface MatrixCount {
  provisionId: string;
  year: number;
  status: LinkStatus;
  records: number;
}

/**
 * Links per provision, year and status for the accountability matrix: one SQL
 * GROUP BY (provision, status) per year of the range, each joined to the case
 * records that the filter keeps.
 */
export async function countLinkMatrix(
  filter: IncidentFilter & { yearFrom: number; yearTo: number },
  statuses: LinkStatus[],
  linkType?: LinkType,
): Promise<MatrixCount[]> {
  const years: number[] = [];
  for (let y = filter.yearFrom; y <= filter.yearTo; y++) years.push(y);
  const perYear = await Promise.all(
    years.map(async (year) => {
      const rows = await prisma.incidentProvisionLink.groupBy({
        by: ["provisionId", "status"],
        where: { status: { in: statuses }, ...(linkType ? { linkType } : {}), incident: { AND: [incidentWhere({ ...filter, yearFrom: year, yearTo: year })] } },
        _count: { _all: true },
      });
      return rows.map((r) => ({ provisionId: r.provisionId, year, status: r.status as LinkStatus, records: r._count._all }));
    }),
  );
  return perYear.flat();
}

/** A case record behind a cell of the matrix, with its link: status, type, and the rules and terms behind a suggestion. */
export type LinkedIncident = IncidentSummary & {
  linkStatus: LinkStatus;
  linkType: LinkType;
  method: LinkMethod;
  /** Codes of the rules behind a suggestion */
  rulesFired: string[];
  /** The same rules, described in the reader's language (what the page shows) */
  rules: RuleFired[];
  matchedTerms: TermMatch[];
};

/** Case records with an accepted (or given-status) link to a provision in one year, for the matrix's cell pages. */
export async function listLinkedIncidents(
  provisionId: string,
  filter: IncidentFilter,
  statuses: LinkStatus[],
  { take = 500, linkType, lng = "en" }: { take?: number; linkType?: LinkType; lng?: Language } = {},
): Promise<LinkedIncident[]> {
  const rows = await prisma.incidentProvisionLink.findMany({
    where: { provisionId, status: { in: statuses }, ...(linkType ? { linkType } : {}), incident: incidentWhere(filter) },
    select: { status: true, linkType: true, method: true, rulesFired: true, matchedTerms: true, incident: { select: incidentSummarySelect } },
    orderBy: [{ incident: { occurredOn: "asc" } }, { id: "asc" }],
    take,
  });
  return rows.map((r) => ({
    ...toIncidentSummary(r.incident),
    linkStatus: r.status as LinkStatus,
    linkType: (isLinkType(r.linkType) ? r.linkType : "in_scope") as LinkType,
    method: r.method as LinkMethod,
    rulesFired: parseJsonArray<string>(r.rulesFired),
    rules: describeRules(parseJsonArray<string>(r.rulesFired), lng),
    matchedTerms: parseJsonArray<TermMatch>(r.matchedTerms),
  }));
}

// ---------- The API's links ----------

/**
 * Who reads links through the API, as the pages decide it: the public sees
 * accepted and suggested links of published case records (Global Witness and
 * verified staff records), without reviewers' names or rationales (decisions
 * 081, 083, 098); a viewer also sees rejected suggestions and those names and
 * words (as /incidents/<id>/links shows them); staff see links of every live
 * case record, verified or not, as the case page shows them.
 */
export type LinkApiReader = "public" | "viewer" | "staff";

export interface LinkApiFilter {
  provisionCodes?: string[];
  caseIds?: string[];
  layers?: LinkStatus[];
  linkTypes?: LinkType[];
}

/** A link as the API gives it. `reviewedBy` and `rationale` only for signed-in readers. */
export interface LinkApiRecord {
  id: string;
  caseId: string;
  provisionCode: string;
  /** accepted (a finding); suggested (not yet reviewed, never counted as a finding); rejected (signed-in readers only) */
  layer: LinkStatus;
  linkType: LinkType;
  method: LinkMethod;
  rules: { code: string; description: string }[];
  matchedTerms: TermMatch[];
  score: number | null;
  reviewedAt: string | null;
  createdAt: string;
  reviewedBy?: string | null;
  rationale?: string | null;
}

/** The layers a reader may see: rejected suggestions only signed in. */
export function linkLayersFor(reader: LinkApiReader): LinkStatus[] {
  return reader === "public" ? ["accepted", "suggested"] : [...LINK_STATUSES];
}

/**
 * One page of links in id order (the API's cursor, decision 067): link ids never
 * change, so a walk gives every link that existed at its start exactly once,
 * whatever is suggested, decided or removed meanwhile.
 */
export async function listLinksPage(input: {
  reader: LinkApiReader;
  filter: LinkApiFilter;
  after: string | null;
  size: number;
  lng: Language;
}): Promise<{ rows: LinkApiRecord[]; next: string | null }> {
  const { reader, filter } = input;
  const allowed = linkLayersFor(reader);
  const layers = filter.layers?.length ? filter.layers.filter((l) => allowed.includes(l)) : allowed;
  const and: Prisma.IncidentProvisionLinkWhereInput[] = [
    { status: { in: layers } },
    // Every country: the scope of the case records a reader may see, not a dashboard's default country.
    { incident: reader === "staff" ? { deletedAt: null } : incidentWhere({ countries: ["all"] }) },
  ];
  if (filter.provisionCodes?.length) and.push({ provision: { code: { in: filter.provisionCodes } } });
  if (filter.caseIds?.length) and.push({ incidentId: { in: filter.caseIds } });
  if (filter.linkTypes?.length) and.push({ linkType: { in: filter.linkTypes } });
  if (input.after) and.push({ id: { gt: input.after } });
  const found = await prisma.incidentProvisionLink.findMany({
    where: { AND: and },
    orderBy: { id: "asc" },
    take: input.size + 1,
    select: { ...linkFields, createdAt: true, provision: { select: { code: true } } },
  });
  const rows = found.slice(0, input.size).map((r): LinkApiRecord => {
    const record: LinkApiRecord = {
      id: r.id,
      caseId: r.incidentId,
      provisionCode: r.provision.code,
      layer: r.status as LinkStatus,
      linkType: (isLinkType(r.linkType) ? r.linkType : "in_scope") as LinkType,
      method: r.method as LinkMethod,
      rules: describeRules(parseJsonArray<string>(r.rulesFired), input.lng),
      matchedTerms: parseJsonArray<TermMatch>(r.matchedTerms),
      score: r.score,
      reviewedAt: r.reviewedAt ? r.reviewedAt.toISOString() : null,
      createdAt: r.createdAt.toISOString(),
    };
    // Staff identities and their words stay with signed-in readers (decision 083): left out, not blanked.
    if (reader !== "public") Object.assign(record, { reviewedBy: r.reviewedBy?.name ?? null, rationale: r.rationale });
    return record;
  });
  return { rows, next: found.length > input.size ? rows[rows.length - 1].id : null };
}
