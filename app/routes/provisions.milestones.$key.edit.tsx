import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommitmentForm, MilestoneFields, type FormState } from "~/components/commitment-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { editCommitmentAction } from "~/lib/commitment-actions.server.ts";
import { getFixedT, type Language } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { listInstrumentOptions } from "~/models/instrument.server.ts";
import { getMilestoneForm, saveMilestone } from "~/models/milestone.server.ts";
import { milestoneSchema } from "~/models/provision.schema.ts";
import { listSourceOptions } from "~/models/source.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  const lng = await detectLanguage(request);
  const stored = await getMilestoneForm(params.key!);
  if (!stored) throw new Response("Not found", { status: 404 });
  return { lng, key: params.key!, stored, sources: await listSourceOptions(), instruments: await listInstrumentOptions(lng) };
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
  const state: FormState = result ?? { values: stored.values, errors: {} };
  return (
    <div className="form-page">
      <p className="breadcrumbs small">
        <Link to="/provisions/milestones">{t("provisions.milestones.title")}</Link>
      </p>
      <h1>{t("provisions.form.editMilestoneTitle", { key })}</h1>
      <p>{t("provisions.form.auditNote")}</p>
      {result?.errors.form ? <p className="notice">{t("provisions.form.conflictHelp")}</p> : null}
      <CommitmentForm submitLabel={t("provisions.form.save")} state={state} updatedAt={result?.updatedAt ?? stored.updatedAt}>
        <MilestoneFields state={state} sources={sources} instruments={instruments} editing />
      </CommitmentForm>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${getFixedT((d?.lng as Language) ?? "en")("provisions.form.editMilestoneTitle", { key: d?.key ?? "" })} · Vigía` }];
