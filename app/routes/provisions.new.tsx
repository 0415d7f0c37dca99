import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CommitmentFormPage, ProvisionFields, type CommitmentFormState } from "~/components/commitment-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { answerCreate } from "~/lib/form.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { listInstrumentOptions } from "~/models/instrument.server.ts";
import { provisionSchema } from "~/models/provision.schema.ts";
import { createProvision } from "~/models/provision.server.ts";
import { listSourceOptions } from "~/models/source.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["common", "forms", "incidents", "provisions", "provisions.form", "provisions.views", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  const lng = await detectLanguage(request);
  const [instruments, sources] = await Promise.all([listInstrumentOptions(lng), listSourceOptions()]);
  const instrument = new URL(request.url).searchParams.get("instrument") ?? "";
  return { instruments, sources, initial: { instrumentCode: instrument, status: "unconfirmed", position: "0" } };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  return answerCreate(form, provisionSchema, {
    save: (input) => createProvision(input, user.id),
    redirectTo: (saved) => `/provisions/${saved.code}`,
  });
}

export default function NewProvision() {
  const { instruments, sources, initial } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as CommitmentFormState | undefined;
  const { t } = useTranslation();
  const state: CommitmentFormState = answer ?? { values: initial, errors: null };
  return (
    <CommitmentFormPage
      breadcrumbs={[{ to: "/provisions", label: t("provisions.list.title") }]}
      title={t("provisions.form.newProvision")}
      submitLabel={t("provisions.form.create")}
      state={state}
    >
      <ProvisionFields state={state} instruments={instruments} sources={sources} editing={false} />
    </CommitmentFormPage>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("provisions.form.newProvision")} · Vigía` }];
