// The /trends loader as the route tests call it: its streamed charts awaited (decision 127).
import type { LoadedChart } from "~/charts/registry.ts";
import { loader as trendsLoader } from "~/routes/trends.tsx";
import { settled } from "./route.ts";

/** A loader's arguments for an address, as Remix passes them (no session, no load context). */
export const loaderArgs = (url: string, params: Record<string, string> = {}) => ({ request: new Request(url), params, context: {} });

/** The /trends page's data, every chart settled. */
export async function trendsPage(search = "") {
  return settled(await trendsLoader(loaderArgs(`http://localhost/trends${search}`)));
}

/** One chart of /trends (search: "?sector=..."). */
export async function trendsChart<K extends LoadedChart["id"]>(id: K, search = ""): Promise<LoadedChart<K>> {
  return (await trendsPage(search)).charts.find((c) => c.id === id) as LoadedChart<K>;
}
