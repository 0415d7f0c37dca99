import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CommitmentFormPage, InstrumentFields, type CommitmentFormState } from "~/components/commitment-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { answerCreate } from "~/lib/form.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { instrumentSchema } from "~/models/instrument.schema.ts";
import { createInstrument } from "~/models/instrument.server.ts";
import { listSourceOptions } from "~/models/source.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["common", "forms", "incidents", "provisions", "provisions.form", "provisions.views", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  return { lng: await detectLanguage(request), sources: await listSourceOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  return answerCreate(form, instrumentSchema, {
    save: (input) => createInstrument(input, user.id),
    redirectTo: (saved) => `/provisions#instrument-${saved.code}`,
  });
}

export default function NewInstrument() {
  const { sources } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as CommitmentFormState | undefined;
  const { t } = useTranslation();
  const state: CommitmentFormState = answer ?? { values: { position: "0" }, errors: null };
  return (
    <CommitmentFormPage
      breadcrumbs={[{ to: "/provisions", label: t("provisions.list.title") }]}
      title={t("provisions.form.newInstrument")}
      submitLabel={t("provisions.form.create")}
      state={state}
    >
      <InstrumentFields state={state} sources={sources} editing={false} />
    </CommitmentFormPage>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("provisions.form.newInstrument")} · Vigía` }];
