import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EditCommitmentPage, MilestoneFields, type FormState } from "~/components/commitment-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { editCommitmentAction } from "~/lib/commitment-actions.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";
import { listInstrumentOptions } from "~/models/instrument.server.ts";
import { getMilestoneForm, saveMilestone } from "~/models/milestone.server.ts";
import { milestoneSchema } from "~/models/provision.schema.ts";
import { listSourceOptions } from "~/models/source.server.ts";

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
  return editCommitmentAction(form, {
    id: ["key", key],
    schema: milestoneSchema,
    save: (input, expected) => saveMilestone(input, user.id, { key, expectedUpdatedAt: expected }),
    reload: () => getMilestoneForm(key),
    redirectTo: "/provisions/milestones",
  });
}

export default function EditMilestone() {
  const { key, stored, sources, instruments } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (FormState & { updatedAt: string }) | undefined;
  const { t } = useTranslation();
  return (
    <EditCommitmentPage
      back={{ to: "/provisions/milestones", label: t("provisions.milestones.title") }}
      title={t("provisions.form.editMilestoneTitle", { key })}
      stored={stored}
      result={result}
    >
      {(state) => <MilestoneFields state={state} sources={sources} instruments={instruments} editing />}
    </EditCommitmentPage>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: `${metaT(matches)("provisions.form.editMilestoneTitle", { key: d?.key ?? "" })} · Vigía` },
];
