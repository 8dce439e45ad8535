import months from '../../../../knowledge/lexicons/en/months.json' with { type: 'json' };

/** The publication date a relative time is resolved against. */
export interface Anchor {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Days since 1970-01-01 (UTC). */
  readonly epochDay: number;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * The last publication date read, and its anchor: a report's sentences are read one by one, each
 * with the same date. (Anchors are never changed once made, so one can be handed out again.)
 */
let lastPublished: string | undefined;
let lastAnchor: Anchor | undefined;

/** Reads an ISO date or date-time ("2023-03-13", "2023-03-13T08:00:00Z"); undefined when absent or invalid. */
export function toAnchor(published: string | undefined): Anchor | undefined {
  if (published !== lastPublished) {
    lastAnchor = readAnchor(published);
    lastPublished = published;
  }
  return lastAnchor;
}

function readAnchor(published: string | undefined): Anchor | undefined {
  const m = published ? ISO_DATE.exec(published) : null;
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > lastDay(year, month)) return undefined;
  return { year, month, day, epochDay: Date.UTC(year, month - 1, day) / MS_PER_DAY };
}

const pad = (n: number): string => String(n).padStart(2, '0');
export const isoMonth = (year: number, month: number): string => `${year}-${pad(month)}`;
export const isoDay = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;
export const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The ISO day `days` after the anchor (negative: before). */
export function shiftDays(anchor: Anchor, days: number): string {
  return new Date((anchor.epochDay + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day of week of the anchor, 0 = Sunday. */
export const weekday = (anchor: Anchor): number => new Date(anchor.epochDay * MS_PER_DAY).getUTCDay();

/** Month `offset` months from (year, month), as [year, month]. */
export function shiftMonth(year: number, month: number, offset: number): [number, number] {
  const index = year * 12 + (month - 1) + offset;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** The year of the most recent (month, day) not after publication: "in May" in March 2023 is May 2022. */
export function recentYear(anchor: Anchor, month: number, day = 1): number {
  return month < anchor.month || (month === anchor.month && day <= anchor.day) ? anchor.year : anchor.year - 1;
}

const MONTH_BY_FORM = new Map(months.months.flatMap((m) => m.forms.map((f) => [f, m.month] as const)));

/** Month number of a name or abbreviation as written ("Nov", "November"); undefined otherwise. */
export const monthNumber = (form: string): number | undefined => MONTH_BY_FORM.get(form.replace(/\.$/, ''));

const FULL_NAMES = months.months.map((m) => m.forms[0]);
const ABBREVIATIONS = months.months.flatMap((m) => m.forms.slice(1)).sort((a, b) => b.length - a.length);

/** Regex source for any month form, case-sensitive; an abbreviation may take a full stop ("Nov."), a full name not (it may end the sentence). */
export const MONTH_SOURCE = `(?:(?:${FULL_NAMES.join('|')})\\b|(?:${ABBREVIATIONS.join('|')})\\b\\.?)`;

/** A regex alternation of phrases whose first letter may be upper-case ("In May", "in May"). */
export function phrases(list: readonly string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map((p) => `[${p[0].toUpperCase()}${p[0]}]${p.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}`)
    .join('|');
}

/** Normalises a matched phrase for lexicon look-up. */
export const normal = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').replace(/-$/, '');
