import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import {
  FormErrors,
  RadioGroupField,
  SelectField,
  TextField,
  TextareaField,
} from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { requirePlatformRole, viewerOf } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { getProposal } from "~/proposals/proposals.server";
import { openVoteSchema } from "~/votes/schemas";
import { MAX_OPTIONS, SECRECY, VOTE_KINDS, YES_NO_RULES } from "~/votes/choices";
import { openVote } from "~/votes/votes.server";

export const handle: RouteHandle = { pageTitle: (t) => t("votes:openTitle") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = await requirePlatformRole(request, context, platform.id, "coordinator");
  const proposal = await getProposal(
    platform.id,
    params.proposalId ?? "",
    await viewerOf(user, platform.id),
    user.id,
  );
  return json({
    platform: { slug: platform.slug, timeZone: platform.timeZone },
    proposal: { id: proposal.id, title: proposal.title, state: proposal.state },
    defaults: {
      kind: "yesNo",
      opens: "now",
      quorumPercent: String(platform.quorumPercent),
      approvalRule: platform.approvalRule,
    },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = await requirePlatformRole(request, context, platform.id, "coordinator");
  const proposalId = params.proposalId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: openVoteSchema });
  if (submission.status !== "success") return rejectForm("openVote", submission);
  const outcome = await openVote(user, platform, proposalId, submission.value);
  if (!outcome.ok) return rejectForm("openVote", submission, outcome);
  return redirectWithNotice(`/platforms/${platform.slug}/proposals/${proposalId}`, "voteOpened");
}

export default function OpenVotePage() {
  const { t } = useTranslation("votes");
  const { platform, proposal, defaults } = useLoaderData<typeof loader>();
  const [form, fields] = useFormFor<typeof openVoteSchema>("openVote", defaults);
  return (
    <div className="narrow stack">
      <p>
        <Link to={`/platforms/${platform.slug}/proposals/${proposal.id}`}>← {proposal.title}</Link>
      </p>
      <h1>{t("openTitle")}</h1>
      {/* The options box shows only for custom options and the opening date only for
          "later", by CSS (:has on the radios), so it works without JavaScript too. */}
      <Form method="post" {...getFormProps(form)} noValidate className="stack open-vote-form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="_form" value="openVote" />
        <RadioGroupField
          meta={fields.kind}
          legend={t("form.kind")}
          choices={VOTE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <div className="when-custom">
          <TextareaField
            meta={fields.options}
            label={t("form.options")}
            hint={t("form.optionsHint", { max: MAX_OPTIONS })}
            rows={5}
          />
        </div>
        <SelectField
          meta={fields.approvalRule}
          label={t("form.rule")}
          options={YES_NO_RULES.map((r) => ({ value: r, label: t(`rules.${r}`) }))}
        />
        <TextField
          meta={fields.quorumPercent}
          label={t("form.quorum")}
          hint={t("form.quorumHint")}
          type="number"
          inputMode="numeric"
        />
        <fieldset>
          <legend>{t("form.when")}</legend>
          <p className="hint">{t("form.timeZoneHint", { timeZone: platform.timeZone })}</p>
          <RadioGroupField
            meta={fields.opens}
            legend={t("form.opens")}
            choices={[
              { value: "now", label: t("form.opensNow") },
              { value: "later", label: t("form.opensLater") },
            ]}
          />
          <div className="two-columns when-later">
            <TextField meta={fields.openDate} label={t("form.openDate")} type="date" />
            <TextField meta={fields.openTime} label={t("form.openTime")} type="time" />
          </div>
          <div className="two-columns">
            <TextField meta={fields.closeDate} label={t("form.closeDate")} type="date" />
            <TextField meta={fields.closeTime} label={t("form.closeTime")} type="time" />
          </div>
        </fieldset>
        <RadioGroupField
          meta={fields.secret}
          legend={t("form.secrecy")}
          choices={SECRECY.map((s) => ({
            value: s,
            label: t(`form.${s}Choice`),
            hint: t(`form.${s}ChoiceHint`),
          }))}
        />
        <button type="submit" className="button primary">
          {t("form.submit")}
        </button>
      </Form>
    </div>
  );
}
