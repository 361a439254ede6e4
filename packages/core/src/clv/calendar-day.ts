const MILLISECONDS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Reads a calendar date written `YYYY-MM-DD` or `YYYYMMDD` and returns it as
 * `YYYY-MM-DD`, or undefined when the text is not a real date (2023-02-30).
 */
export function parseCalendarDate(text: string): string | undefined {
  const match = ISO_DATE.exec(text.trim()) ?? COMPACT_DATE.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const days = Date.UTC(Number(year), Number(month) - 1, Number(day)) / MILLISECONDS_PER_DAY;
  const check = new Date(days * MILLISECONDS_PER_DAY);
  if (check.getUTCFullYear() !== Number(year) || check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) {
    return undefined;
  }
  return `${year}-${month}-${day}`;
}

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date. Calendar arithmetic in UTC
 * milliseconds has no daylight-saving or time-zone offsets, so differences
 * of day numbers are exact whole days.
 */
export function dayNumber(isoDate: string): number {
  const normalized = parseCalendarDate(isoDate);
  if (normalized === undefined || normalized !== isoDate) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / MILLISECONDS_PER_DAY;
}
