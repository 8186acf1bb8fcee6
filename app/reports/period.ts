import { instantToZoned, zonedToInstant } from "~/time/time-zone";
import { MAX_MONTHS, type Period } from "./participation.server";

/**
 * The period a report covers, from the "from" and "to" days of its form (both included, in
 * the platform's time zone). Without them: the last twelve months up to today.
 */
export interface PeriodForm {
  values: { from: string; to: string };
  errors: { from?: string; to?: string };
  period: Period | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function realDay(day: string): boolean {
  return DAY.test(day) && new Date(`${day}T12:00:00Z`).toISOString().slice(0, 10) === day;
}

export function defaultPeriodDays(now: Date, timeZone: string) {
  const today = instantToZoned(now, timeZone).date;
  const [y, m] = today.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 - 11, 1)).toISOString().slice(0, 10);
  return { from: first, to: today };
}

export function periodFromSearch(
  search: URLSearchParams,
  timeZone: string,
  now = new Date(),
): PeriodForm {
  const defaults = defaultPeriodDays(now, timeZone);
  const values = {
    from: (search.get("from") ?? defaults.from).trim().slice(0, 20),
    to: (search.get("to") ?? defaults.to).trim().slice(0, 20),
  };
  const errors: PeriodForm["errors"] = {};
  if (!realDay(values.from)) errors.from = "reports:errors.date";
  if (!realDay(values.to)) errors.to = "reports:errors.date";
  if (!errors.from && !errors.to) {
    if (values.to < values.from) errors.to = "reports:errors.toBeforeFrom";
    else if (addDays(values.from, MAX_MONTHS * 31) <= values.to)
      errors.to = "reports:errors.tooLong";
  }
  if (errors.from || errors.to) return { values, errors, period: null };
  const from = zonedToInstant(values.from, "00:00", timeZone);
  const to = zonedToInstant(addDays(values.to, 1), "00:00", timeZone);
  if (!from || !to) return { values, errors: { from: "reports:errors.date" }, period: null };
  return { values, errors, period: { from, to } };
}
