import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root.tsx";

/** The CSRF token of the signed-in session, for every form that posts. */
export function CsrfInput() {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return data?.csrf ? <input type="hidden" name="csrf" value={data.csrf} /> : null;
}
