import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { CLAIM_TYPES, type Claim, type NamedValue, type ProcessedReport, type ReportInput } from '../../src/domain/types.js';
import type { SourceItem } from '../../src/domain/source-item.js';

/** A named value with made-up provenance. */
export function named(name: string, extra: Partial<NamedValue> = {}): NamedValue {
  return { name, span: { start: 0, end: name.length }, text: name, rule: 'test.named', certainty: 'stated', ...extra };
}

/** A claim with the least a claim needs, plus overrides. */
export function makeClaim(overrides: Partial<Claim> = {}): Claim {
  const quote = overrides.quote ?? 'Prisoners were transferred.';
  return {
    type: 'transfer',
    quote,
    start: 0,
    end: quote.length,
    rule: 'test.claim',
    places: [],
    facilities: [],
    sources: [],
    actors: [],
    subjects: {},
    hedged: false,
    ...overrides,
  };
}

/** A processed report, as the pipeline would return it, from its text and claims. */
export function makeReport(id: string, text: string, claims: Claim[] = [], overrides: Partial<ProcessedReport> = {}): ProcessedReport {
  const original = new TextEncoder().encode(text);
  return {
    id,
    meta: { id, title: `Report ${id}`, outlet: 'Test Outlet', published: '2023-03-20', url: `https://example.org/${id}` },
    origin: `${id}.txt`,
    sha256: createHash('sha256').update(original).digest('hex'),
    original,
    encoding: 'utf-8',
    text,
    furniture: [],
    language: 'en',
    extracted: true,
    claims,
    messages: [],
    ...overrides,
  };
}

/** A source item whose input carries its processed report, for a stand-in pipeline. */
export function itemFor(report: ProcessedReport): Extract<SourceItem, { ok: true }> {
  return { ok: true, input: { meta: { id: report.id }, original: report.original, format: 'text', origin: report.origin, decoded: report.text } };
}

/**
 * A stand-in for processReport that returns the prepared report for an origin (throwing for
 * origins mapped to an Error), so service tests don't depend on today's extractors.
 */
export function fakePipeline(reports: Iterable<ProcessedReport | [origin: string, error: Error]>): (input: ReportInput) => ProcessedReport {
  const byOrigin = new Map<string, ProcessedReport | Error>();
  for (const entry of reports) {
    if (Array.isArray(entry)) byOrigin.set(entry[0], entry[1]);
    else byOrigin.set(entry.origin, entry);
  }
  return (input) => {
    const found = byOrigin.get(input.origin);
    if (found === undefined) throw new Error(`no prepared report for ${input.origin}`);
    if (found instanceof Error) throw found;
    return found;
  };
}

// Text both databases keep exactly: no NUL (PostgreSQL text refuses it), no lone surrogates.
const text = (maxLength = 20) =>
  fc.string({ unit: 'grapheme', maxLength }).filter((s) => !s.includes('\u0000'));

const span = fc.tuple(fc.nat({ max: 100_000 }), fc.nat({ max: 5_000 })).map(([start, length]) => ({ start, end: start + length }));

const provenance = fc.record({
  span,
  text: text(),
  rule: text(30),
  certainty: fc.constantFrom('stated' as const, 'implied' as const),
});

const amount = fc.oneof(fc.nat({ max: 10_000_000 }), fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)));

const isoDate = fc.oneof(
  fc.integer({ min: 1900, max: 2100 }).map(String),
  fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

const namedValue: fc.Arbitrary<NamedValue> = fc
  .tuple(provenance, fc.record({ name: text(40), alternatives: fc.array(text(), { maxLength: 3 }), entityId: text() }, { requiredKeys: ['name'] }))
  .map(([p, n]) => ({ ...p, ...n }));

/** Any claim the store must keep exactly. */
export const arbitraryClaim: fc.Arbitrary<Claim> = fc
  .record(
    {
      type: fc.constantFrom(...CLAIM_TYPES),
      quote: text(200),
      span,
      rule: text(30),
      count: fc
        .tuple(provenance, fc.record({ value: amount, min: amount, max: amount, approximate: fc.boolean(), vague: text() }, { requiredKeys: [] }))
        .map(([p, c]) => ({ ...p, ...c })),
      time: fc.tuple(provenance, isoDate, isoDate).map(([p, start, end]) => ({ ...p, start, end })),
      places: fc.array(namedValue, { maxLength: 3 }),
      facilities: fc.array(namedValue, { maxLength: 2 }),
      sources: fc.array(namedValue, { maxLength: 2 }),
      actors: fc.array(namedValue, { maxLength: 2 }),
      subjects: fc.record({ gender: fc.constantFrom('female' as const, 'male' as const), nationality: fc.constantFrom('UA' as const, 'RU' as const) }, { requiredKeys: [] }),
      change: fc.constantFrom('decrease' as const, 'increase' as const),
      hedged: fc.boolean(),
    },
    { requiredKeys: ['type', 'quote', 'span', 'rule', 'places', 'facilities', 'sources', 'actors', 'subjects', 'hedged'] },
  )
  .map(({ span: { start, end }, ...claim }) => ({ ...claim, start, end }));
