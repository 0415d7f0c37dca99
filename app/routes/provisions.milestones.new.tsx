import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommitmentForm, MilestoneFields, type FormState } from "~/components/commitment-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { createCommitmentAction } from "~/lib/commitment-actions.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { listInstrumentOptions } from "~/models/instrument.server.ts";
import { saveMilestone } from "~/models/milestone.server.ts";
import { milestoneSchema } from "~/models/provision.schema.ts";
import { listSourceOptions } from "~/models/source.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  const lng = await detectLanguage(request);
  return { sources: await listSourceOptions(), instruments: await listInstrumentOptions(lng) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  return createCommitmentAction(form, {
    schema: milestoneSchema,
    save: (input) => saveMilestone(input, user.id, null),
    redirectTo: () => "/provisions/milestones",
  });
}

export default function NewMilestone() {
  const { sources, instruments } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormState | undefined;
  const { t } = useTranslation();
  const state: FormState = result ?? { values: {}, errors: {} };
  return (
    <div className="form-page">
      <p className="breadcrumbs small">
        <Link to="/provisions/milestones">{t("provisions.milestones.title")}</Link>
      </p>
      <h1>{t("provisions.form.newMilestone")}</h1>
      <p>{t("provisions.form.auditNote")}</p>
      <CommitmentForm submitLabel={t("provisions.form.create")} state={state}>
        <MilestoneFields state={state} sources={sources} instruments={instruments} editing={false} />
      </CommitmentForm>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("provisions.form.newMilestone")} · Vigía` }];
