import { useState } from 'react';
import { reportPath, type ReportPage } from '../api.ts';
import { useFetch } from '../use-fetch.ts';

/** Stored reports, searchable by title and text. */
export function ReportsList() {
  const [search, setSearch] = useState('');
  const { data, error } = useFetch<ReportPage>(`/api/reports?limit=200${search ? `&search=${encodeURIComponent(search)}` : ''}`);
  return (
    <section className="panel" aria-label="Reports">
      <h1>Reports</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(String(new FormData(event.currentTarget).get('search') ?? '').trim());
        }}
      >
        <input name="search" type="search" placeholder="Search titles and text" aria-label="Search reports" />
        <button type="submit">Search</button>
      </form>
      {error && <p className="error">{error}</p>}
      <table data-testid="reports-table">
        <thead>
          <tr>
            <th>title</th>
            <th>outlet</th>
            <th>published</th>
            <th>language</th>
            <th>extracted</th>
          </tr>
        </thead>
        <tbody>
          {data?.reports.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={reportPath(r.id)}>{r.title ?? r.id}</a>
              </td>
              <td>{r.outlet}</td>
              <td>{r.published?.slice(0, 10)}</td>
              <td>{r.language}</td>
              <td>{r.extracted ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data?.nextCursor && <p className="hint">Showing the first 200.</p>}
    </section>
  );
}
