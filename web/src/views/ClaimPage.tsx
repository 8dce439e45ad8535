import type { ReactNode } from 'react';
import { reportPath, type ClaimResponse, type NamedValue, type Provenance } from '../api.ts';
import { dashboardHash } from '../route.ts';
import { useFetch } from '../use-fetch.ts';
import { formatCount } from './ClaimsTable.tsx';
import { EvidenceText, type Highlight } from './EvidenceText.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';

/** One claim: its evidence in the report's text, every slot with where it came from, and its review. */
export function ClaimPage({ id }: { id: string }) {
  const { data, error, reload } = useFetch<ClaimResponse>(`/api/claims/${encodeURIComponent(id)}`);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p>loading…</p>;
  const { claim, report, trail } = data;
  const slots: { slot: string; value: ReactNode; provenance: Provenance; link?: string }[] = [];
  if (claim.count) slots.push({ slot: 'count', value: formatCount(claim), provenance: claim.count });
  if (claim.time) slots.push({ slot: 'time', value: claim.time.start === claim.time.end ? claim.time.start : `${claim.time.start} – ${claim.time.end}`, provenance: claim.time });
  const named = (slot: string, values: NamedValue[], filter?: 'place' | 'source') =>
    values.forEach((v) =>
      slots.push({
        slot,
        value: `${v.name}${v.alternatives?.length ? ` (also: ${v.alternatives.join('; ')})` : ''}${v.lat !== undefined ? ` · ${v.lat.toFixed(2)}, ${v.lon!.toFixed(2)}` : ''}`,
        provenance: v,
        link: filter && dashboardHash({ [filter]: v.name }),
      }),
    );
  named('place', claim.places, 'place');
  named('facility', claim.facilities);
  named('source', claim.sources, 'source');
  named('actor', claim.actors);
  const highlights: Highlight[] = [
    { start: claim.start, end: claim.end, kind: 'evidence' },
    ...slots.filter((s) => s.provenance.rule !== 'review.correction').map((s) => ({ ...s.provenance.span, kind: `slot slot-${s.slot}` })),
  ];
  return (
    <article className="claim-page">
      <h1>
        {claim.type} claim <small className={`state ${claim.review.state}`}>{claim.review.state}</small>
      </h1>
      <p className="meta">
        From <a href={reportPath(report.id)}>{report.title ?? report.id}</a> · {report.outlet ?? 'unknown outlet'} · {report.published ?? 'no date'} · offsets {claim.start}–{claim.end} ·
        rule <code>{claim.rule}</code> {claim.hedged && '· hedged'}
        {claim.subjects.gender && ` · ${claim.subjects.gender}`}
        {claim.subjects.nationality && ` · ${claim.subjects.nationality}`}
        {claim.change && ` · ${claim.change}`}
      </p>
      <blockquote data-testid="claim-quote">{claim.quote}</blockquote>
      <div className="claim-grid">
        <section className="panel" aria-label="Slots">
          <h2>Slots</h2>
          <table className="slots">
            <thead>
              <tr>
                <th>slot</th>
                <th>value</th>
                <th>text</th>
                <th>offsets</th>
                <th>rule</th>
                <th>stated?</th>
              </tr>
            </thead>
            <tbody>
              {slots.map((s, i) => (
                <tr key={i}>
                  <td>{s.slot}</td>
                  <td>{s.link ? <a href={s.link}>{s.value}</a> : s.value}</td>
                  <td>{s.provenance.text}</td>
                  <td>
                    {s.provenance.span.start}–{s.provenance.span.end}
                  </td>
                  <td>
                    <code>{s.provenance.rule}</code>
                  </td>
                  <td className={s.provenance.certainty}>{s.provenance.certainty}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {claim.sources.length > 0 && (
            <p>
              Source chain: {claim.sources.map((s) => s.name).join(' → ')} → {report.outlet ?? report.id}
            </p>
          )}
          {claim.extracted && <p className="hint">Corrected by review; extraction had: {JSON.stringify(Object.fromEntries(Object.entries(claim.extracted).map(([k, v]) => [k, summarize(v)])))}</p>}
        </section>
        <ReviewPanel claim={claim} trail={trail} onReviewed={reload} />
      </div>
      <section className="panel" aria-label="Report text">
        <h2>Report text (evidence highlighted)</h2>
        <EvidenceText text={report.text} highlights={highlights} />
      </section>
    </article>
  );
}

function summarize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v && typeof v === 'object' && 'name' in v ? (v as NamedValue).name : v));
  if (value && typeof value === 'object' && 'rule' in value) {
    const { span: _span, text: _text, rule: _rule, certainty: _certainty, ...rest } = value as Provenance & Record<string, unknown>;
    return rest;
  }
  return value;
}
