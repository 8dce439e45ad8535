/** Partial ISO dates as day numbers, for overlap tests at the precision a date was given. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of the first day a partial ISO date can mean (`2023` → 1 January 2023). */
export function firstDay(date: string): number {
  const [year, month = 1, day = 1] = date.slice(0, 10).split('-').map(Number);
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Days since 1970-01-01 of the last day a partial ISO date can mean (`2023-02` → 28 February 2023). */
export function lastDay(date: string): number {
  const parts = date.slice(0, 10).split('-').map(Number);
  if (parts.length === 1) return Math.floor(Date.UTC(parts[0], 11, 31) / DAY_MS);
  if (parts.length === 2) return Math.floor(Date.UTC(parts[0], parts[1], 0) / DAY_MS);
  return Math.floor(Date.UTC(parts[0], parts[1] - 1, parts[2]) / DAY_MS);
}

/** A day number as ISO `YYYY-MM-DD`. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Months since year 0 of a day number: the time bucket of blocking. */
export function monthOf(day: number): number {
  const date = new Date(day * DAY_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** True when the date is given to the day (`YYYY-MM-DD`). */
export function isDayPrecise(date: string): boolean {
  return date.length >= 10;
}
