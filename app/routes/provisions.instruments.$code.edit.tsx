import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EditCommitmentPage, InstrumentFields, type FormState } from "~/components/commitment-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { editCommitmentAction } from "~/lib/commitment-actions.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";
import { getInstrumentForm, updateInstrument } from "~/models/instrument.server.ts";
import { instrumentSchema } from "~/models/provision.schema.ts";
import { listSourceOptions } from "~/models/source.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  const stored = await getInstrumentForm(params.code!);
  if (!stored) throw notFound();
  return { lng: await detectLanguage(request), code: params.code!, stored, sources: await listSourceOptions() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  const code = params.code!;
  return editCommitmentAction(form, {
    id: ["code", code],
    schema: instrumentSchema,
    save: (input, expected) => updateInstrument(code, input, user.id, expected),
    reload: () => getInstrumentForm(code),
    redirectTo: `/provisions#instrument-${code}`,
  });
}

export default function EditInstrument() {
  const { code, stored, sources } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (FormState & { updatedAt: string }) | undefined;
  const { t } = useTranslation();
  return (
    <EditCommitmentPage
      back={{ to: "/provisions", label: t("provisions.list.title") }}
      title={t("provisions.form.editInstrumentTitle", { code })}
      stored={stored}
      result={result}
    >
      {(state) => <InstrumentFields state={state} sources={sources} editing />}
    </EditCommitmentPage>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: `${metaT(matches)("provisions.form.editInstrumentTitle", { code: d?.code ?? "" })} · Vigía` },
];
