import { useEffect, useState } from "react";
import {
  readHistoryFilters,
  writeHistoryFilters,
  type HistoryFilters,
} from "./history-filters";

/**
 * Keeps the history filters in the page URL, so a filtered history can be
 * bookmarked or sent. Replaces the history entry instead of pushing one per
 * keystroke; back and forward still restore filters other pages set.
 */
export function useUrlHistoryFilters() {
  const [filters, setFilters] = useState(() =>
    readHistoryFilters(window.location.search),
  );

  useEffect(() => {
    const readUrl = () =>
      setFilters(readHistoryFilters(window.location.search));
    window.addEventListener("popstate", readUrl);
    return () => window.removeEventListener("popstate", readUrl);
  }, []);

  function updateFilters(next: HistoryFilters) {
    setFilters(next);
    const { pathname, search, hash } = window.location;
    const nextSearch = writeHistoryFilters(search, next);
    window.history.replaceState(
      window.history.state,
      "",
      `${pathname}${nextSearch}${hash}`,
    );
  }

  return [filters, updateFilters] as const;
}
