import type { ReportMeta } from '../../domain/types.js';

/** The parts of a DOM document that reading metadata needs (linkedom's Document satisfies it). */
export interface MetaDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  documentElement: { getAttribute(name: string): string | null } | null;
}

/**
 * Reads what an HTML page says about itself: title (og:title, then `<title>`), canonical URL
 * (`<link rel=canonical>`, then og:url), publication date (article:published_time and kin, as
 * an ISO date), outlet (og:site_name) and language (`<html lang>`, then og:locale).
 */
export function readHtmlMeta(doc: MetaDocument): ReportMeta {
  const meta: ReportMeta = {};
  const content = (selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const title = content('meta[property="og:title"]') ?? content('meta[name="twitter:title"]') ?? doc.querySelector('title')?.textContent?.trim();
  if (title) meta.title = title.replace(/\s+/gu, ' ');
  const url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || content('meta[property="og:url"]');
  if (url) meta.url = url;
  const published = toIsoDate(
    content('meta[property="article:published_time"]') ??
      content('meta[name="article:published_time"]') ??
      content('meta[itemprop="datePublished"]') ??
      content('meta[name="pubdate"]') ??
      content('meta[name="date"]') ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
      undefined,
  );
  if (published) meta.published = published;
  const outlet = content('meta[property="og:site_name"]') ?? content('meta[name="application-name"]');
  if (outlet) meta.outlet = outlet;
  const lang = doc.documentElement?.getAttribute('lang') ?? content('meta[property="og:locale"]');
  const language = lang?.trim().toLowerCase().split(/[-_]/u)[0];
  if (language && /^[a-z]{2,3}$/u.test(language)) meta.language = language;
  return meta;
}

/**
 * An ISO `YYYY-MM-DD` for a date or date-time string. The calendar date as written is kept
 * (no time-zone shift: a story stamped 00:30 +03:00 was published that day where it was written).
 */
export function toIsoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const written = /^(\d{4})-(\d{2})-(\d{2})/u.exec(value.trim());
  if (written) return `${written[1]}-${written[2]}-${written[3]}`;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10);
}
