import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CommitmentFormPage, MilestoneFields, type CommitmentEditState } from "~/components/commitment-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { answerEdit } from "~/lib/form.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";
import { listInstrumentOptions } from "~/models/instrument.server.ts";
import { milestoneSchema } from "~/models/milestone.schema.ts";
import { getMilestoneForm, updateMilestone } from "~/models/milestone.server.ts";
import { listSourceOptions } from "~/models/source.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["common", "forms", "incidents", "provisions", "provisions.form", "provisions.views", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  const lng = await detectLanguage(request);
  const stored = await getMilestoneForm(params.key!);
  if (!stored) throw notFound();
  return { key: params.key!, stored, sources: await listSourceOptions(), instruments: await listInstrumentOptions(lng) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  const key = params.key!;
  // The key comes from the address: it is fixed once the milestone exists (charts and scorecards use it).
  form.set("key", key);
  return answerEdit(form, milestoneSchema, {
    save: (input, version) => updateMilestone(key, version, input, user.id),
    redirectTo: "/provisions/milestones",
  });
}

export default function EditMilestone() {
  const { key, stored, sources, instruments } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as CommitmentEditState | undefined;
  const { t } = useTranslation();
  const state: CommitmentEditState = answer ?? { ...stored, errors: null, base: stored.values, conflict: null };
  return (
    <CommitmentFormPage
      breadcrumbs={[{ to: "/provisions/milestones", label: t("provisions.milestones.title") }]}
      title={t("provisions.form.editMilestoneTitle", { key })}
      submitLabel={t("provisions.form.save")}
      state={state}
      discardHref={`/provisions/milestones/${key}/edit`}
    >
      <MilestoneFields state={state} sources={sources} instruments={instruments} editing />
    </CommitmentFormPage>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: `${metaT(matches)("provisions.form.editMilestoneTitle", { key: d?.key ?? "" })} · Vigía` },
];
