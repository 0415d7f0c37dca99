// Many alike records added by createMany and no ANALYZE, as a bulk insert from another
// process leaves them: the planner's statistics still describe the table before
// (case search with stale statistics, decisions 117 and 129; scripts/repro/case-search-stale-stats.ts).
import type { Db } from "~/lib/db.server.ts";

const BASE = {
  origin: "gw_dataset",
  occurredOn: new Date("2019-06-01"),
  year: 2019,
  sector: "mining_extractives",
  perpetratorType: "hitmen",
  outcome: "killed",
};

/** Adds `count` mining records of 2019 named "Persona <prefix><n>", each described as "Caso del ejido Xochipala". */
export async function addXochipalaRecords(db: Db, count: number, prefix = ""): Promise<void> {
  for (let i = 0; i < count; i += 1000) {
    await db.incident.createMany({
      data: Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({
        ...BASE,
        victimName: `Persona ${prefix}${i + k}`,
        description: "Caso del ejido Xochipala",
      })),
    });
  }
}
