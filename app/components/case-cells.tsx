// How the commitments pages name a case record in a table: the victim's name
// only where it may be shown, and the state in words (unknowns stay visible).
import { Link } from "@remix-run/react";
import type { TFunction } from "~/lib/translate.ts";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n.ts";
import { useLanguage } from "~/lib/language.ts";
import { formatDate } from "~/lib/format.ts";
import { stateOrRegion } from "~/domain/incident-format.ts";
import type { IncidentSummary } from "~/models/incident-summary.server.ts";

/** The victim's name where this reader may see it, else whether it is withheld or not recorded. */
export function caseName(incident: Pick<IncidentSummary, "victimName" | "nameWithheld">, t: TFunction): string {
  return incident.victimName ?? (incident.nameWithheld ? t("provisions.cases.nameWithheld") : t("provisions.cases.nameUnknown"));
}

/** The case's name, linking to the provisions it bears on (/incidents/<id>/links). */
export function CaseCell({ incident }: { incident: Pick<IncidentSummary, "id" | "victimName" | "nameWithheld"> }) {
  const { t } = useTranslation();
  const label = caseName(incident, t);
  return (
    <Link to={`/incidents/${incident.id}/links`} className={incident.victimName ? undefined : "muted"}>
      {label}
    </Link>
  );
}

export function StateCell({ incident }: { incident: Pick<IncidentSummary, "stateCode" | "regionRaw"> }) {
  const { t } = useTranslation();
  const text = stateOrRegion(incident.stateCode, incident.regionRaw, t);
  return incident.stateCode ? <>{text}</> : <span className="muted">{text}</span>;
}

type CaseRow = Pick<IncidentSummary, "id" | "occurredOn" | "victimName" | "nameWithheld" | "stateCode" | "regionRaw" | "sector">;

/** A column after the four every case table has (date, name, state, sector). */
export interface CaseColumn<R> {
  header: ReactNode;
  className?: string;
  cell: (row: R) => ReactNode;
}

/**
 * A table of case records: date, name (linking to the case's provisions), state and
 * sector, then `columns`. `incident` finds the case in a row (the row itself, or
 * the case a link points to); rows are keyed by their own id.
 */
export function CaseTable<R extends { id: string }>({
  rows,
  caption,
  id,
  columns,
  incident,
}: {
  rows: R[];
  caption: string;
  id?: string;
  columns: CaseColumn<R>[];
  incident: (row: R) => CaseRow;
}) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <div className="table-scroll">
      <table className="data-table" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("provisions.cases.date")}</th>
            <th scope="col">{t("provisions.cases.name")}</th>
            <th scope="col">{t("provisions.cases.state")}</th>
            <th scope="col">{t("provisions.cases.sector")}</th>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const c = incident(row);
            return (
              <tr key={row.id}>
                <td>
                  <time dateTime={c.occurredOn}>{formatDate(c.occurredOn, lng)}</time>
                </td>
                <th scope="row">
                  <CaseCell incident={c} />
                </th>
                <td>
                  <StateCell incident={c} />
                </td>
                <td>{t(`taxonomy.sector.${c.sector}`)}</td>
                {columns.map((col, i) => (
                  <td key={i} className={col.className}>
                    {col.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
