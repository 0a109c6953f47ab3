// Cursor-paged list state shared by the admin tables: first page on mount, then "load more".
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../services/types';

export interface CursorList<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  setItems: (update: (items: T[]) => T[]) => void;
}

export function useCursorList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>): CursorList<T> {
  const [items, setItemsState] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  // Ignores answers to requests that a reload has superseded.
  const generation = useRef(0);

  const load = useCallback(
    (from: string | null, replace: boolean) => {
      const mine = ++generation.current;
      setLoading(true);
      setError(null);
      fetchPage(from)
        .then((page) => {
          if (mine !== generation.current) return;
          setItemsState((old) => (replace ? page.items : [...old, ...page.items]));
          setCursor(page.next_cursor ?? null);
        })
        .catch((caught: unknown) => {
          if (mine === generation.current) setError(caught);
        })
        .finally(() => {
          if (mine === generation.current) setLoading(false);
        });
    },
    [fetchPage],
  );

  useEffect(() => {
    load(null, true);
  }, [load]);

  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: () => {
      if (cursor !== null) load(cursor, false);
    },
    reload: () => load(null, true),
    setItems: (update) => setItemsState(update),
  };
}
