import type { ReportInput, ReportMeta } from '../domain/types.js';
import type { SourceItem } from '../domain/source-item.js';

/** Metadata fields a report object may carry, copied when they are strings (ids may be numbers). */
const META_FIELDS = ['id', 'url', 'outlet', 'title', 'published', 'language'] as const;

/**
 * One report from a parsed JSON value: an object with `text` or `html` and optional metadata.
 * `original` is the UTF-8 of the text (or HTML) field and `decoded` that string.
 */
export function reportFromJson(value: unknown, origin: string, overrides: ReportMeta = {}): SourceItem {
  if (Array.isArray(value)) {
    return { ok: false, origin, reason: `holds a JSON array; a .json file holds one report object (use .jsonl for many)` };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, origin, reason: 'is not a JSON object' };
  const record = value as Record<string, unknown>;
  const text = typeof record.text === 'string' && record.text.trim() !== '' ? record.text : undefined;
  const html = typeof record.html === 'string' && record.html.trim() !== '' ? record.html : undefined;
  const body = text ?? html;
  if (body === undefined) {
    const present = 'text' in record || 'html' in record ? 'an empty "text"/"html" field' : 'no "text" or "html" field';
    return { ok: false, origin, reason: `report object has ${present}` };
  }
  const meta: ReportMeta = {};
  for (const field of META_FIELDS) {
    const found = record[field];
    if (typeof found === 'string' && found.trim() !== '') meta[field] = found.trim();
    else if (field === 'id' && typeof found === 'number') meta.id = String(found);
  }
  const input: ReportInput = {
    meta: withOverrides(meta, overrides),
    original: new TextEncoder().encode(body),
    format: text !== undefined ? 'text' : 'html',
    origin,
    decoded: body,
  };
  return { ok: true, input };
}

/** Parses one JSON document; a syntax error becomes a reason naming the line and column. */
export function parseJson(text: string, origin: string): { ok: true; value: unknown } | { ok: false; origin: string; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/u.exec(message);
    const at = position ? Number(position[1]) : text.length;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    const detail = message.replace(/ in JSON at position \d+.*$/u, '').replace(/^JSON\.parse: /u, '');
    return { ok: false, origin, reason: `invalid JSON at line ${line}, column ${column}: ${detail}` };
  }
}

/** Every report of a JSON-lines text, one per non-blank line, each with origin `origin:LINE`. */
export function* reportsFromJsonLines(text: string, origin: string, overrides: ReportMeta = {}): Generator<SourceItem> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const lineOrigin = `${origin}:${i + 1}`;
    const parsed = parseJson(lines[i], lineOrigin);
    yield parsed.ok ? reportFromJson(parsed.value, lineOrigin, overrides) : { ...parsed, reason: parsed.reason.replace(/ at line 1, column (\d+)/u, ' at column $1') };
  }
}

/** Metadata with the caller's overrides (CLI flags) on top; undefined overrides change nothing. */
export function withOverrides(meta: ReportMeta, overrides: ReportMeta): ReportMeta {
  const defined = Object.entries(overrides).filter(([, v]) => v !== undefined && v !== '');
  return { ...meta, ...Object.fromEntries(defined) };
}
