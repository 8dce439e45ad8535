import { claimPath, type ReportResponse } from '../api.ts';
import { useFetch } from '../use-fetch.ts';
import { EvidenceText } from './EvidenceText.tsx';

/** A report: metadata, problems found, its cleaned text with claims marked, and what cleaning removed. */
export function ReportPage({ id }: { id: string }) {
  const { data, error } = useFetch<ReportResponse>(`/api/reports/${encodeURIComponent(id)}`);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p>loading…</p>;
  const { report, claims } = data;
  // The URL is untrusted: it becomes a link only when it is plainly http(s).
  const safeUrl = report.url && /^https?:\/\//i.test(report.url) ? report.url : undefined;
  return (
    <article className="report-page">
      <h1>{report.title ?? report.id}</h1>
      <p className="meta">
        {report.outlet ?? 'unknown outlet'} · {report.published ?? 'no date'} · {report.language} · {report.encoding} · id <code>{report.id}</code>
        {report.url && (
          <>
            {' · '}
            {safeUrl ? (
              <a href={safeUrl} rel="noopener noreferrer nofollow" target="_blank">
                {report.url}
              </a>
            ) : (
              <span className="unsafe-url">{report.url}</span>
            )}
          </>
        )}
      </p>
      {report.messages.length > 0 && (
        <section className="panel" aria-label="Messages">
          <h2>Messages</h2>
          <ul>
            {report.messages.map((m, i) => (
              <li key={i} className={m.severity}>
                {m.severity}: {m.reason} <code>{m.rule}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel" aria-label="Claims in this report">
        <h2>{claims.length} claim(s)</h2>
        <ul>
          {claims.map((c) => (
            <li key={c.id}>
              <a href={claimPath(c.id)}>{c.type}</a>: {c.quote.length > 160 ? `${c.quote.slice(0, 160)}…` : c.quote}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-label="Cleaned text">
        <h2>Cleaned text (claims marked)</h2>
        <EvidenceText text={report.text} highlights={claims.map((c) => ({ start: c.start, end: c.end, kind: 'claim' }))} />
      </section>
      <section className="panel" aria-label="Removed as furniture" data-testid="furniture">
        <h2>Removed as page furniture ({report.furniture.length})</h2>
        {report.furniture.length === 0 ? (
          <p className="hint">Nothing was removed.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>rule</th>
                <th>offsets (decoded text)</th>
                <th>text removed</th>
              </tr>
            </thead>
            <tbody>
              {report.furniture.map((f, i) => (
                <tr key={i}>
                  <td>
                    <code>{f.rule}</code>
                  </td>
                  <td>
                    {f.start}–{f.end}
                  </td>
                  <td className="removed">{f.text.length > 600 ? `${f.text.slice(0, 600)}…` : f.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
