import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CommitmentFormPage, InstrumentFields, type CommitmentEditState } from "~/components/commitment-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { answerEdit } from "~/lib/form.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";
import { instrumentSchema } from "~/models/instrument.schema.ts";
import { getInstrumentForm, updateInstrument } from "~/models/instrument.server.ts";
import { listSourceOptions } from "~/models/source.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["common", "forms", "incidents", "provisions", "provisions.form", "provisions.views", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  const stored = await getInstrumentForm(params.code!);
  if (!stored) throw notFound();
  return { lng: await detectLanguage(request), code: params.code!, stored, sources: await listSourceOptions() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  const code = params.code!;
  // The code comes from the address: it is fixed once the instrument exists (links and addresses use it).
  form.set("code", code);
  return answerEdit(form, instrumentSchema, {
    save: (input, version) => updateInstrument(code, version, input, user.id),
    redirectTo: `/provisions#instrument-${code}`,
  });
}

export default function EditInstrument() {
  const { code, stored, sources } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as CommitmentEditState | undefined;
  const { t } = useTranslation();
  const state: CommitmentEditState = answer ?? { ...stored, errors: null, base: stored.values, conflict: null };
  return (
    <CommitmentFormPage
      breadcrumbs={[{ to: "/provisions", label: t("provisions.list.title") }]}
      title={t("provisions.form.editInstrumentTitle", { code })}
      submitLabel={t("provisions.form.save")}
      state={state}
      discardHref={`/provisions/instruments/${code}/edit`}
    >
      <InstrumentFields state={state} sources={sources} editing />
    </CommitmentFormPage>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: `${metaT(matches)("provisions.form.editInstrumentTitle", { code: d?.code ?? "" })} · Vigía` },
];
