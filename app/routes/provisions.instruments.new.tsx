import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommitmentForm, InstrumentFields, type FormState } from "~/components/commitment-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { createCommitmentAction } from "~/lib/commitment-actions.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { createInstrument } from "~/models/instrument.server.ts";
import { instrumentSchema } from "~/models/provision.schema.ts";
import { listSourceOptions } from "~/models/source.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  return { lng: await detectLanguage(request), sources: await listSourceOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  return createCommitmentAction(form, {
    schema: instrumentSchema,
    save: (input) => createInstrument(input, user.id),
    redirectTo: (saved) => `/provisions#instrument-${saved.code}`,
  });
}

export default function NewInstrument() {
  const { sources } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormState | undefined;
  const { t } = useTranslation();
  const state: FormState = result ?? { values: { position: "0" }, errors: {} };
  return (
    <div className="form-page">
      <p className="breadcrumbs small">
        <Link to="/provisions">{t("provisions.list.title")}</Link>
      </p>
      <h1>{t("provisions.form.newInstrument")}</h1>
      <p>{t("provisions.form.auditNote")}</p>
      <CommitmentForm submitLabel={t("provisions.form.create")} state={state}>
        <InstrumentFields state={state} sources={sources} editing={false} />
      </CommitmentForm>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("provisions.form.newInstrument")} · Vigía` }];
