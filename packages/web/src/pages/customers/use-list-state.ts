import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { customerRoutes } from '@retail-value/core';
import { useApiData } from '../../api/use-api-data.js';
import { useSession } from '../../auth/session-context.js';
import { readListState, writeListState, type ListState } from './list-state.js';

/** The list state read from and written to the address, and the filter values (facets) of its run. */
export function useListState() {
  const { api } = useSession();
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => readListState(search), [search]);
  const setState = useCallback((next: ListState) => setSearch(writeListState(next, search)), [search, setSearch]);
  const run = state.text.run;
  const loadFacets = useCallback(() => api(customerRoutes.facets, { query: { run } }), [api, run]);
  const facets = useApiData(loadFacets);
  const tab = search.get('tab') ?? undefined;
  const setTab = useCallback(
    (next: string) => {
      const params = new URLSearchParams(search);
      params.set('tab', next);
      setSearch(params);
    },
    [search, setSearch],
  );
  return { state, setState, facets, tab, setTab };
}
