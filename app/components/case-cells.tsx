// How the commitments pages name a case record in a table: the victim's name
// only where it may be shown, and the state in words (unknowns stay visible).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MX_STATES, isMxState } from "~/lib/taxonomy.ts";
import type { IncidentSummary } from "~/models/incident-summary.server.ts";

/** The case's name, linking to the provisions it bears on (/incidents/<id>/links). */
export function CaseCell({ incident }: { incident: Pick<IncidentSummary, "id" | "victimName" | "nameWithheld"> }) {
  const { t } = useTranslation();
  const label = incident.victimName ?? (incident.nameWithheld ? t("provisions.cases.nameWithheld") : t("provisions.cases.nameUnknown"));
  return (
    <Link to={`/incidents/${incident.id}/links`} className={incident.victimName ? undefined : "muted"}>
      {label}
    </Link>
  );
}

export function StateCell({ incident }: { incident: Pick<IncidentSummary, "stateCode" | "regionRaw"> }) {
  const { t } = useTranslation();
  if (incident.stateCode && isMxState(incident.stateCode)) return <>{MX_STATES[incident.stateCode]}</>;
  return <span className="muted">{incident.regionRaw ? `${incident.regionRaw} (${t("taxonomy.state.unknown")})` : t("taxonomy.state.unknown")}</span>;
}
