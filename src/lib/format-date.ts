/**
 * The one date format of the desk, in the user's locale: a day as "Dec 4, 2026" (short: "Dec 4", with the year
 * only when it is not this year's), a moment as "Dec 4, 2026, 2:15 PM". Exports (CSV) keep ISO dates instead.
 * `locale` and `timeZone` default to the user's (the browser's); pages pass a fixed locale and UTC for the
 * server's render so hydration agrees (see DateTime in components/shell/money.tsx).
 */

export type DateValue = string | number | Date;
export type DateFormatWhere = { locale?: string; timeZone?: string };

/** Locale for the server's (hydrating) render: the client then re-renders in the user's own. */
export const SERVER_LOCALE = "en-US";

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date ("2026-12-04") is a day, not a moment: it is read as UTC midnight and always formatted in UTC,
 * so no time zone moves it to the day before. Anything else is a moment (ISO timestamp, epoch ms, Date).
 */
function parse(value: DateValue): { date: Date; isDay: boolean } | null {
  if (typeof value === "string") {
    const day = CALENDAR_DATE.exec(value);
    if (day) return { date: new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))), isDay: true };
  }
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : { date, isDay: false };
}

/** Building an Intl.DateTimeFormat costs far more than using one: one per locale and options. */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatWith(date: Date, locale: string | undefined, options: Intl.DateTimeFormatOptions): string {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format.format(date);
}

function format(value: DateValue, where: DateFormatWhere, options: Intl.DateTimeFormatOptions): string {
  const parsed = parse(value);
  if (!parsed) return String(value);
  const timeZone = parsed.isDay ? "UTC" : where.timeZone;
  return formatWith(parsed.date, where.locale, timeZone ? { ...options, timeZone } : options);
}

/** "Dec 4, 2026". */
export function formatDate(value: DateValue, where: DateFormatWhere = {}): string {
  return format(value, where, { dateStyle: "medium" });
}

/** "Dec 4, 2026, 2:15 PM". */
export function formatDateTime(value: DateValue, where: DateFormatWhere = {}): string {
  return format(value, where, { dateStyle: "medium", timeStyle: "short" });
}

/** "2:15 PM". */
export function formatTime(value: DateValue, where: DateFormatWhere = {}): string {
  return format(value, where, { timeStyle: "short" });
}

/** "Friday, December 4, 2026 at 2:15 PM": for tooltips. */
export function formatFullDateTime(value: DateValue, where: DateFormatWhere = {}): string {
  return format(value, where, { dateStyle: "full", timeStyle: "short" });
}

/** "Dec 4" for narrow places (table cells, chart axes), "Dec 4, 2025" when it is not this year's. */
export function formatShortDate(value: DateValue, where: DateFormatWhere & { thisYear?: number } = {}): string {
  const parsed = parse(value);
  if (!parsed) return String(value);
  const timeZone = parsed.isDay ? "UTC" : where.timeZone;
  // The year as the reader sees the date: in UTC for a day, else in the time zone it is shown in.
  const year = Number(formatWith(parsed.date, "en-US", timeZone ? { year: "numeric", timeZone } : { year: "numeric" }));
  const options: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", ...(year === (where.thisYear ?? new Date().getFullYear()) ? {} : { year: "numeric" }) };
  return formatWith(parsed.date, where.locale, timeZone ? { ...options, timeZone } : options);
}

/** "2026-12-04": the day of a calendar date or timestamp (in UTC), as exports write it. */
export function isoDate(value: DateValue): string {
  const parsed = parse(value);
  return parsed ? parsed.date.toISOString().slice(0, 10) : String(value);
}
