import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CommitmentFormPage, ProvisionFields, type CommitmentEditState } from "~/components/commitment-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { answerEdit } from "~/lib/form.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";
import { listInstrumentOptions } from "~/models/instrument.server.ts";
import { provisionSchema } from "~/models/provision.schema.ts";
import { getProvisionForm, updateProvision } from "~/models/provision.server.ts";
import { listSourceOptions } from "~/models/source.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["common", "forms", "incidents", "provisions", "provisions.form", "provisions.views", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

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
  // The code comes from the address: it is fixed once the provision exists (links and addresses use it).
  form.set("code", code);
  return answerEdit(form, provisionSchema, {
    save: (input, version) => updateProvision(code, version, input, user.id),
    redirectTo: `/provisions/${code}`,
  });
}

export default function EditProvision() {
  const { code, stored, instruments, sources } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as CommitmentEditState | undefined;
  const { t } = useTranslation();
  const state: CommitmentEditState = answer ?? { ...stored, errors: null, base: stored.values, conflict: null };
  return (
    <CommitmentFormPage
      breadcrumbs={[
        { to: "/provisions", label: t("provisions.list.title") },
        { to: `/provisions/${code}`, label: code },
      ]}
      title={t("provisions.form.editProvisionTitle", { code })}
      submitLabel={t("provisions.form.save")}
      state={state}
      discardHref={`/provisions/${code}/edit`}
    >
      <ProvisionFields state={state} instruments={instruments} sources={sources} editing />
    </CommitmentFormPage>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: `${metaT(matches)("provisions.form.editProvisionTitle", { code: d?.code ?? "" })} · Vigía` },
];
