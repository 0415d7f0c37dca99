// What an edit page shows after a save refused because someone saved in between
// (409): who saved which version when, and field by field their value beside
// yours and which one the form now holds. Case records and commitments alike.
import { Link } from "@remix-run/react";
import type { EditConflict } from "~/lib/form.ts";
import { formatDateTime } from "~/lib/format.ts";
import { type Language, useTranslation } from "~/lib/i18n.ts";
import { useFocusOnMount } from "./form-errors.tsx";

export function ConflictView<V, F extends string>({
  conflict,
  lng,
  label,
  text,
  discardHref,
  title,
  noFieldChanges,
}: {
  conflict: EditConflict<V, F>;
  lng: Language;
  /** A field's label as the form names it */
  label: (field: F) => string;
  /** A field's value in one version, as a person reads it */
  text: (field: F, values: V) => string;
  /** Where "discard my changes" goes: the edit page, loaded afresh */
  discardHref: string;
  title?: string;
  /** What to say when no field of the form differs (the other save changed something else) */
  noFieldChanges?: string;
}) {
  const { t } = useTranslation();
  const ref = useFocusOnMount<HTMLElement>();
  const fields = [...conflict.both, ...conflict.theirsOnly];
  return (
    <section className="conflict" aria-labelledby="conflict-title" tabIndex={-1} ref={ref}>
      <h2 id="conflict-title">{title ?? t("forms.conflict.title")}</h2>
      <p>
        {t("forms.conflict.intro", {
          version: conflict.version,
          name: conflict.savedBy ?? t("forms.conflict.unknownUser"),
          date: formatDateTime(conflict.savedAt, lng),
        })}
      </p>
      {fields.length ? (
        <>
          <div className="table-scroll">
            <table className="data-table conflict-table">
              <thead>
                <tr>
                  <th scope="col">{t("forms.conflict.field")}</th>
                  <th scope="col">{t("forms.conflict.theirs")}</th>
                  <th scope="col">{t("forms.conflict.yours")}</th>
                  <th scope="col">{t("forms.conflict.inForm")}</th>
                </tr>
              </thead>
              <tbody>
                {fields.map((field) => {
                  const kept = conflict.both.includes(field);
                  return (
                    <tr key={field} data-field={field} data-kept={kept ? "yours" : "theirs"}>
                      <th scope="row">{label(field)}</th>
                      <td className="theirs">{text(field, conflict.theirs)}</td>
                      <td className="yours">{text(field, conflict.yours)}</td>
                      <td>{kept ? t("forms.conflict.keptYours") : t("forms.conflict.tookTheirs")}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>{t("forms.conflict.again")}</p>
        </>
      ) : (
        <p>{noFieldChanges ?? t("forms.conflict.noFieldChanges")}</p>
      )}
      <p>
        <Link to={discardHref} reloadDocument>
          {t("forms.conflict.discard")}
        </Link>
      </p>
    </section>
  );
}
