import { useEffect } from 'react';
import { ClaimPage } from './views/ClaimPage.tsx';
import { Dashboard } from './views/Dashboard.tsx';
import { ReportPage } from './views/ReportPage.tsx';
import { ReportsList } from './views/ReportsList.tsx';
import { useRoute } from './route.ts';

/** The dashboard's shell: a header and the page the hash names. */
export function App() {
  const route = useRoute();
  useEffect(() => {
    // Lets the browser tests (and a curious analyst) know the first render happened, and when.
    if (!document.documentElement.dataset.renderedAt) document.documentElement.dataset.renderedAt = String(Math.round(performance.now()));
  }, []);
  return (
    <>
      <header className="top">
        <a className="brand" href="#/">
          etap
        </a>
        <nav>
          <a href="#/" aria-current={route.page === 'dashboard' ? 'page' : undefined}>
            Overview
          </a>
          <a href="#/reports" aria-current={route.page === 'reports' || route.page === 'report' ? 'page' : undefined}>
            Reports
          </a>
          <a href="/api/openapi.json">API</a>
        </nav>
      </header>
      <main>
        {route.page === 'dashboard' && <Dashboard filters={route.filters} />}
        {route.page === 'claim' && <ClaimPage key={route.id} id={route.id} />}
        {route.page === 'reports' && <ReportsList />}
        {route.page === 'report' && <ReportPage key={route.id} id={route.id} />}
      </main>
    </>
  );
}
