import { useEffect, useState } from 'react';
import { getJson } from './api.ts';

/** Fetches `path` (again whenever it changes); `reload` fetches once more. */
export function useFetch<T>(path: string | undefined): { data?: T; error?: string; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (path === undefined) return;
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    getJson<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error: error instanceof Error ? error.message : String(error), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, generation]);
  return { ...state, reload: () => setGeneration((n) => n + 1) };
}
