import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommitmentForm, MilestoneFields, type FormState } from "~/components/commitment-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { getFixedT, type Language } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { listInstrumentOptions } from "~/models/instrument.server.ts";
import { getMilestoneForm, saveMilestone } from "~/models/milestone.server.ts";
import { fieldErrors, formInput, formValues, milestoneSchema } from "~/models/provision.schema.ts";
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
  form.set("key", key);
  const values = formValues(form);
  const expected = String(form.get("expectedUpdatedAt") ?? "");
  const parsed = milestoneSchema.safeParse(formInput(form));
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error), updatedAt: expected }, { status: 400 });
  const outcome = await saveMilestone(parsed.data, user.id, { key, expectedUpdatedAt: expected });
  if (!outcome) throw new Response("Not found", { status: 404 });
  if (!outcome.ok) {
    if (!outcome.errors.form) return data({ values, errors: outcome.errors, updatedAt: expected }, { status: 400 });
    const current = await getMilestoneForm(key);
    return data({ values, errors: outcome.errors, updatedAt: current?.updatedAt ?? expected }, { status: 409 });
  }
  return redirect("/provisions/milestones");
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
