import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { PersonName } from "~/components/person-name";
import { GENDERS } from "~/participants/demographics";
import { FormErrors, SelectField, TextField } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import { useFormFor } from "~/components/use-form-for";
import { useLabels } from "~/i18n/labels";
import { decodeMessage } from "~/forms/messages";
import { AGE_GROUPS } from "~/participants/demographics";
import type { AttendanceFormSchema } from "../schemas";
import type { RosterTier } from "../sheet.server";
import type { AttendanceStatus } from "../statuses";
import type { AttendanceWindow } from "../window";
import { SearchForm } from "~/components/search-form";

export interface AttendanceFormData {
  roster: {
    participantId: string;
    name: string;
    community: string | null;
    status: AttendanceStatus | null;
    tier: RosterTier;
  }[];
  /** A page of the walk-ins, the latest first; how many in all; that page among how many. */
  walkIns: { attendanceId: string; name: string; community: string | null }[];
  walkInCount: number;
  walkInPage: number;
  walkInPages: number;
  window: AttendanceWindow;
  /** The roster filter typed. */
  q: string;
  /** The walk-in search typed, and who it found among people already recorded. */
  who: string;
  candidates: { id: string; name: string; community: string | null; events: number }[];
  /** This page of the roster, among how many; how many match the search. */
  page: number;
  pages: number;
  matches: number;
  /** On the whole roster: nobody's mark yet; the marks saved, by status. */
  unmarked: number;
  marked: Partial<Record<AttendanceStatus, number>>;
}

interface Props {
  data: AttendanceFormData;
  /** The statuses the host offers, in the order of the form. */
  statuses: readonly AttendanceStatus[];
  back: { to: string; label: string };
  title: string;
  subtitle: string;
  /** Host-specific lines under the title (an assembly's quorum). */
  summary?: ReactNode;
  rosterHeading: string;
  walkInHelp: string;
  /** The heading over the people expected (answered yes; enrolled). */
  expectedLabel: string;
  /** Offer "mark everyone present" (training sessions). */
  markAll?: boolean;
}

type Fields = ReturnType<typeof useFormFor<AttendanceFormSchema>>[1];

/**
 * The phone attendance form shared by assemblies and training sessions: one form, so the
 * marks on screen travel with whichever button is pressed, and it works without JavaScript.
 */
export function AttendanceForm(props: Props) {
  const { t } = useTranslation("attendance");
  const { t: tc } = useTranslation();
  const { data } = props;
  const { window, walkIns } = data;
  const [form, fields] = useFormFor<AttendanceFormSchema>("attendance");
  const submitted = form.initialValue?.status as Record<string, unknown> | undefined;
  const closed = window.marks && window.removeWalkIn && window.addWalkIn;
  const formProps = getFormProps(form);
  return (
    <div className="stack attendance-page">
      <p>
        <Link to={props.back.to}>← {props.back.label}</Link>
      </p>
      <DoneNotice />
      <h1>{props.title}</h1>
      <p className="muted">{props.subtitle}</p>
      {props.summary}
      {closed ? <p className="notice">{message(tc, window.marks!)}</p> : null}
      <MarkedSoFar data={data} statuses={props.statuses} />

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{props.rosterHeading}</h2>
        <SearchForm
          id="attendance-filter"
          label={t("attendance.filter")}
          button={t("attendance.filterButton")}
          defaultValue={data.q}
          status={data.q ? t("attendance.matches", { count: data.matches }) : undefined}
        />
      </section>

      <Form
        method="post"
        {...formProps}
        // The page's script sends only the rows changed on screen (app/enhance/page-script.ts).
        data-changes-only
        noValidate
        className="stack"
      >
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="_form" value="attendance" />
        {props.markAll && !window.marks && data.unmarked > 0 ? (
          <div className="stack">
            <button type="submit" name="intent" value="markAllPresent" className="button">
              {t("attendance.markAllPresent")}
            </button>
            <p className="hint">{t("attendance.markAllHint")}</p>
          </div>
        ) : null}
        <RosterRows
          data={data}
          statuses={props.statuses}
          submitted={submitted}
          expectedLabel={props.expectedLabel}
        />
        {window.marks ? null : (
          <button
            type="submit"
            name="intent"
            value="attendance"
            className="button primary sticky-save"
          >
            {t("attendance.save")}
          </button>
        )}
        <SavingPager page={data.page} pages={data.pages} name="goto" data={data} />

        <section aria-labelledby="walkins-heading" className="stack">
          <h2 id="walkins-heading">{t("walkIn.heading", { count: data.walkInCount })}</h2>
          <p className="hint">{props.walkInHelp}</p>
          {walkIns.length > 0 ? (
            <ul className="plain-list">
              {walkIns.map((w) => (
                <li key={w.attendanceId} className="walkin-row">
                  <span>
                    <PersonName name={w.name || null} />
                    {w.community ? <span className="muted"> · {w.community}</span> : null}
                  </span>
                  {window.removeWalkIn ? null : (
                    <button
                      type="submit"
                      name="removeWalkIn"
                      value={w.attendanceId}
                      className="link-button"
                    >
                      {t("walkIn.remove", { name: w.name })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          <SavingPager
            page={data.walkInPage}
            pages={data.walkInPages}
            name="gotoWalkIns"
            label={t("walkIn.pages")}
            data={data}
          />
          {window.addWalkIn ? (
            closed ? null : (
              <p className="notice">{message(tc, window.addWalkIn)}</p>
            )
          ) : (
            <WalkInFields data={data} fields={fields} />
          )}
        </section>
      </Form>
    </div>
  );
}

/** The marks saved so far on the whole roster, so the page shows where the count stands. */
function MarkedSoFar({
  data,
  statuses,
}: {
  data: AttendanceFormData;
  statuses: readonly AttendanceStatus[];
}) {
  const { t } = useTranslation("attendance");
  const parts = statuses
    .filter((s) => (data.marked[s] ?? 0) > 0)
    .map((s) =>
      t("attendance.statusCount", {
        status: t(`attendance.statuses.${s}`),
        count: data.marked[s],
      }),
    );
  parts.push(t("attendance.unmarked", { count: data.unmarked }));
  return <p className="muted">{parts.join(" · ")}</p>;
}

/**
 * Previous / next page of the roster as buttons of the attendance form, not links: the
 * marks on this page are saved on the way, so changing page never loses them.
 */
function SavingPager({
  page,
  pages,
  name,
  label,
  data,
}: {
  page: number;
  pages: number;
  /** The button's field: "goto" (the roster) or "gotoWalkIns". */
  name: string;
  /** The landmark's name, when the page has another pager (two of one name would be one too many). */
  label?: string;
  data: AttendanceFormData;
}) {
  const { t } = useTranslation();
  const { t: ta } = useTranslation("attendance");
  if (pages <= 1) return null;
  return (
    <nav aria-label={label ?? t("pager.label")} className="stack">
      <div className="link-row pager">
        {page > 1 ? (
          <button type="submit" name={name} value={page - 1} className="button">
            {t("pager.previous")}
          </button>
        ) : null}{" "}
        <span>{t("pager.page", { page, pages })}</span>{" "}
        {page < pages ? (
          <button type="submit" name={name} value={page + 1} className="button">
            {t("pager.next")}
          </button>
        ) : null}
      </div>
      {data.window.marks ? null : <p className="hint">{ta("attendance.pagerHint")}</p>}
    </nav>
  );
}

function RosterRows({
  data,
  statuses,
  submitted,
  expectedLabel,
}: {
  data: AttendanceFormData;
  statuses: readonly AttendanceStatus[];
  submitted: Record<string, unknown> | undefined;
  expectedLabel: string;
}) {
  const { t } = useTranslation("attendance");
  const label = useLabels("attendance");
  if (data.roster.length === 0) return <p className="muted">{t("attendance.noMatch")}</p>;
  // The page's rows in their groups: expected, regulars, everyone else.
  const groups: { tier: RosterTier; rows: AttendanceFormData["roster"] }[] = [];
  for (const row of data.roster) {
    const last = groups[groups.length - 1];
    if (last?.tier === row.tier) last.rows.push(row);
    else groups.push({ tier: row.tier, rows: [row] });
  }
  const heading = (tier: RosterTier) =>
    tier === "expected" ? expectedLabel : t(`attendance.tiers.${tier}`);
  return (
    <>
      {groups.map((group) => (
        <section key={group.tier} aria-label={heading(group.tier)}>
          <h3>{heading(group.tier)}</h3>
          <ul className="roster">
            {group.rows.map((row) => {
              // After a refusal, the marks as they were sent, not as they are stored.
              const checked = (submitted?.[row.participantId] as string | undefined) ?? row.status;
              return (
                <li key={row.participantId}>
                  <fieldset className="attendance-row" disabled={!!data.window.marks}>
                    <legend>
                      <PersonName name={row.name || null} />
                      {row.community ? <span className="muted"> · {row.community}</span> : null}
                    </legend>
                    {row.status ? (
                      <input type="hidden" name={`shown.${row.participantId}`} value={row.status} />
                    ) : null}
                    <div className="choice-row">
                      {statuses.map((s) => (
                        <label key={s} className="choice">
                          <input
                            type="radio"
                            name={`status.${row.participantId}`}
                            value={s}
                            defaultChecked={checked === s}
                          />
                          <span>{label(`attendance.statuses.${s}`)}</span>
                        </label>
                      ))}
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Someone who came before is found again, not recorded a second time. */
function FindAgain({ data }: { data: AttendanceFormData }) {
  const { t } = useTranslation("attendance");
  const { who, candidates } = data;
  return (
    <div className="stack find-again">
      <div className="field">
        <label htmlFor="walkin-who">{t("walkIn.findLabel")}</label>
        <p id="walkin-who-hint" className="hint">
          {t("walkIn.findHint")}
        </p>
        <div className="filter-row">
          <input
            id="walkin-who"
            name="who"
            type="search"
            defaultValue={who}
            maxLength={100}
            aria-describedby="walkin-who-hint"
          />
          <button type="submit" name="intent" value="findWalkIn" className="button">
            {t("walkIn.find")}
          </button>
        </div>
      </div>
      {who && candidates.length === 0 ? (
        <p className="muted" role="status">
          {t("walkIn.noneFound", { who })}
        </p>
      ) : null}
      {candidates.length > 0 ? (
        <ul className="plain-list stack" aria-label={t("walkIn.foundLabel")}>
          {candidates.map((c) => (
            <li key={c.id} className="walkin-row">
              <span>
                <PersonName name={c.name || null} />
                {c.community ? <span className="muted"> · {c.community}</span> : null}
                <span className="muted"> · {t("walkIn.seenBefore", { count: c.events })}</span>
              </span>
              <button type="submit" name="knownWalkIn" value={c.id} className="button">
                {t("walkIn.markFound", { name: c.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function WalkInFields({ data, fields }: { data: AttendanceFormData; fields: Fields }) {
  const { t } = useTranslation("attendance");
  return (
    <>
      <FindAgain data={data} />
      <h3>{t("walkIn.newHeading")}</h3>
      <TextField meta={fields.name} label={t("walkIn.name")} autoComplete="off" />
      <TextField meta={fields.community} label={t("walkIn.community")} optionalLabel />
      <SelectField
        meta={fields.gender}
        label={t("walkIn.gender")}
        placeholder={t("walkIn.noAnswer")}
        options={GENDERS.map((g) => ({ value: g, label: t(`auth:genders.${g}`) }))}
        optionalLabel
      />
      <SelectField
        meta={fields.ageGroup}
        label={t("walkIn.ageGroup")}
        placeholder={t("walkIn.noAnswer")}
        options={AGE_GROUPS.map((a) => ({ value: a, label: t(`ageGroups.${a}`) }))}
        optionalLabel
      />
      <button type="submit" name="intent" value="walkIn" className="button">
        {t("walkIn.add")}
      </button>
    </>
  );
}

/** A refusal key from the domain ("key|name=value"), in the reader's language. */
function message(t: (key: string, values?: Record<string, string>) => string, encoded: string) {
  const { key, values } = decodeMessage(encoded);
  return t(key, values);
}
