import { getFixedT, type Language } from "~/lib/i18n.ts";
import type { ChartContext } from "~/charts/types.ts";

export function chartContext(lng: Language = "en"): ChartContext {
  return { t: getFixedT(lng), lng };
}
