import { useEffect, useState } from 'react';
import { claimPath, filterQuery, getJson, reportPath, type ClaimListResponse, type Filters, type ReviewedClaim } from '../api.ts';
import { TYPE_COLORS } from '../colors.ts';

const PAGE = 50;

/** Claims matching the filters, fifty at a time. */
export function ClaimsTable({ filters }: { filters: Filters }) {
  const query = filterQuery({ ...filters, gender: undefined, nationality: undefined }, [], { limit: String(PAGE) });
  const [rows, setRows] = useState<ReviewedClaim[]>([]);
  const [next, setNext] = useState<string>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);

  const load = (cursor: string | undefined, append: boolean, live = () => true) => {
    setLoading(true);
    getJson<ClaimListResponse>(`/api/claims${query}${cursor ? `&cursor=${cursor}` : ''}`).then(
      (page) => {
        if (!live()) return;
        setRows((previous) => (append ? [...previous, ...page.claims] : page.claims));
        setNext(page.nextCursor);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => live() && (setError(e instanceof Error ? e.message : String(e)), setLoading(false)),
    );
  };
  useEffect(() => {
    let live = true;
    load(undefined, false, () => live);
    return () => {
      live = false;
    };
  }, [query]);

  return (
    <section className="panel claims" aria-label="Claims">
      <h2>
        Claims <small data-testid="claims-count">{loading ? 'loading…' : `${rows.length}${next ? '+' : ''} shown`}</small>
      </h2>
      {(filters.gender || filters.nationality) && <p className="hint">The table does not filter by gender or nationality yet (the map, timeline and figures do).</p>}
      {error && <p className="error">{error}</p>}
      <table data-testid="claims-table">
        <thead>
          <tr>
            <th>type</th>
            <th>quote</th>
            <th>count</th>
            <th>time</th>
            <th>places</th>
            <th>sources</th>
            <th>report</th>
            <th>review</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((claim) => (
            <tr key={claim.id} data-testid="claim-row" data-time={claim.time?.start ?? ''}>
              <td>
                <span className="swatch" ref={(el) => el?.style.setProperty('background', TYPE_COLORS[claim.type])} /> {claim.type}
                {claim.hedged && <small> (hedged)</small>}
              </td>
              <td className="quote">
                <a href={claimPath(claim.id)}>{claim.quote.length > 180 ? `${claim.quote.slice(0, 180)}…` : claim.quote}</a>
              </td>
              <td>{formatCount(claim)}</td>
              <td>{claim.time ? (claim.time.start === claim.time.end ? claim.time.start : `${claim.time.start} – ${claim.time.end}`) : ''}</td>
              <td>{claim.places.map((p) => p.name).join('; ')}</td>
              <td>{claim.sources.map((s) => s.name).join('; ')}</td>
              <td>
                <a href={reportPath(claim.reportId)}>{claim.report.outlet ?? claim.reportId}</a> <small>{claim.report.published?.slice(0, 10)}</small>
              </td>
              <td className={`state ${claim.review.state}`}>{claim.review.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {next && (
        <button type="button" onClick={() => load(next, true)} disabled={loading}>
          More
        </button>
      )}
    </section>
  );
}

export function formatCount(claim: Pick<ReviewedClaim, 'count'>): string {
  const c = claim.count;
  if (!c) return '';
  const n = (v: number) => v.toLocaleString('en');
  if (c.value !== undefined) return `${c.approximate ? '~' : ''}${n(c.value)}`;
  if (c.min !== undefined && c.max !== undefined) return `${n(c.min)}–${n(c.max)}`;
  if (c.min !== undefined) return `≥${n(c.min)}`;
  if (c.max !== undefined) return `≤${n(c.max)}`;
  return c.vague ?? '';
}
