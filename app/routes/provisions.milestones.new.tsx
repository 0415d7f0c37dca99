import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CommitmentFormPage, MilestoneFields, type CommitmentFormState } from "~/components/commitment-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { answerCreate } from "~/lib/form.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { listInstrumentOptions } from "~/models/instrument.server.ts";
import { milestoneSchema } from "~/models/milestone.schema.ts";
import { createMilestone } from "~/models/milestone.server.ts";
import { listSourceOptions } from "~/models/source.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["common", "forms", "incidents", "provisions", "provisions.form", "provisions.views", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  const lng = await detectLanguage(request);
  return { sources: await listSourceOptions(), instruments: await listInstrumentOptions(lng) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  return answerCreate(form, milestoneSchema, {
    save: (input) => createMilestone(input, user.id),
    redirectTo: () => "/provisions/milestones",
  });
}

export default function NewMilestone() {
  const { sources, instruments } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as CommitmentFormState | undefined;
  const { t } = useTranslation();
  const state: CommitmentFormState = answer ?? { values: {}, errors: null };
  return (
    <CommitmentFormPage
      breadcrumbs={[{ to: "/provisions/milestones", label: t("provisions.milestones.title") }]}
      title={t("provisions.form.newMilestone")}
      submitLabel={t("provisions.form.create")}
      state={state}
    >
      <MilestoneFields state={state} sources={sources} instruments={instruments} editing={false} />
    </CommitmentFormPage>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("provisions.form.newMilestone")} · Vigía` }];
