import { useEffect } from 'react';
import { hashId, hashParam, hashWithParams } from '../stores/hash-params';
import type { SortDirection } from './sorted-view';

interface TableSpec {
  sortColumn: string;
  sortDirection: SortDirection;
  routerId: number | null;
  text: string;
}

interface SpecActions {
  sortTo(column: string, direction: SortDirection): void;
  filterRouter(routerId: number | null): void;
  filterText(text: string): void;
}

/**
 * Keeps a live table's filters and sort in the URL hash (`?q=hs0&router=4&sort=user&dir=asc`):
 * read once when the view mounts, written back (replacing the history entry, so typing does not
 * fill the Back button) on every change. A reload or a shared link shows the same rows.
 */
export function useSpecInUrl(spec: TableSpec, actions: SpecActions): void {
  useEffect(() => {
    const hash = window.location.hash;
    const text = hashParam(hash, 'q');
    if (text) actions.filterText(text);
    const routerId = hashId(hash, 'router');
    if (routerId !== null) actions.filterRouter(routerId);
    const sort = hashParam(hash, 'sort');
    if (sort) actions.sortTo(sort, hashParam(hash, 'dir') === 'asc' ? 'asc' : 'desc');
    // Once, at mount: later changes come from the table, not the URL.
  }, [actions]);

  useEffect(() => {
    const next = hashWithParams(window.location.hash, {
      q: spec.text,
      router: spec.routerId === null ? null : String(spec.routerId),
      sort: spec.sortColumn,
      dir: spec.sortDirection,
    });
    if (next !== window.location.hash) history.replaceState(history.state, '', next);
  }, [spec]);
}
