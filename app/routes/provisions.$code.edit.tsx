import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommitmentForm, ProvisionFields, type FormState } from "~/components/commitment-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { editCommitmentAction } from "~/lib/commitment-actions.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";
import { listInstrumentOptions } from "~/models/instrument.server.ts";
import { getProvisionForm, updateProvision } from "~/models/provision.server.ts";
import { provisionSchema } from "~/models/provision.schema.ts";
import { listSourceOptions } from "~/models/source.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  const lng = await detectLanguage(request);
  const stored = await getProvisionForm(params.code!);
  if (!stored) throw notFound();
  const [instruments, sources] = await Promise.all([listInstrumentOptions(lng), listSourceOptions()]);
  return { code: params.code!, stored, instruments, sources };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  const code = params.code!;
  return editCommitmentAction(form, {
    id: ["code", code],
    schema: provisionSchema,
    checkboxes: ["isGap"],
    save: (input, expected) => updateProvision(code, input, user.id, expected),
    reload: () => getProvisionForm(code),
    redirectTo: `/provisions/${code}`,
  });
}

export default function EditProvision() {
  const { code, stored, instruments, sources } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (FormState & { updatedAt: string }) | undefined;
  const { t } = useTranslation();
  const state: FormState = result ?? { values: stored.values, errors: {} };
  const conflict = !!result?.errors.form?.includes("conflict");
  return (
    <div className="form-page">
      <p className="breadcrumbs small">
        <Link to="/provisions">{t("provisions.list.title")}</Link> › <Link to={`/provisions/${code}`}>{code}</Link>
      </p>
      <h1>{t("provisions.form.editProvisionTitle", { code })}</h1>
      <p>{t("provisions.form.auditNote")}</p>
      {conflict ? <p className="notice">{t("provisions.form.conflictHelp")}</p> : null}
      <CommitmentForm submitLabel={t("provisions.form.save")} state={state} updatedAt={result?.updatedAt ?? stored.updatedAt}>
        <ProvisionFields state={state} instruments={instruments} sources={sources} editing />
      </CommitmentForm>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: `${metaT(matches)("provisions.form.editProvisionTitle", { code: d?.code ?? "" })} · Vigía` },
];
