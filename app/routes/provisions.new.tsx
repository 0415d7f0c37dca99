import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommitmentForm, ProvisionFields, type FormState } from "~/components/commitment-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { createCommitmentAction } from "~/lib/commitment-actions.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { listInstrumentOptions } from "~/models/instrument.server.ts";
import { createProvision } from "~/models/provision.server.ts";
import { provisionSchema } from "~/models/provision.schema.ts";
import { listSourceOptions } from "~/models/source.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  const lng = await detectLanguage(request);
  const [instruments, sources] = await Promise.all([listInstrumentOptions(lng), listSourceOptions()]);
  const instrument = new URL(request.url).searchParams.get("instrument") ?? "";
  return { instruments, sources, initial: { instrumentCode: instrument, status: "unconfirmed", position: "0" } };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  return createCommitmentAction(form, {
    schema: provisionSchema,
    checkboxes: ["isGap"],
    save: (input) => createProvision(input, user.id),
    redirectTo: (saved) => `/provisions/${saved.code}`,
  });
}

export default function NewProvision() {
  const { instruments, sources, initial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormState | undefined;
  const { t } = useTranslation();
  const state: FormState = result ?? { values: initial, errors: {} };
  return (
    <div className="form-page">
      <p className="breadcrumbs small">
        <Link to="/provisions">{t("provisions.list.title")}</Link>
      </p>
      <h1>{t("provisions.form.newProvision")}</h1>
      <p>{t("provisions.form.auditNote")}</p>
      <CommitmentForm submitLabel={t("provisions.form.create")} state={state}>
        <ProvisionFields state={state} instruments={instruments} sources={sources} editing={false} />
      </CommitmentForm>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("provisions.form.newProvision")} · Vigía` }];
