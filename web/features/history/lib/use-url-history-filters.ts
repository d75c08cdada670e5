import { useEffect, useState } from "react";
import {
  readHistoryCursor,
  readHistoryFilters,
  readUnknownOutcomes,
  writeHistoryFilters,
  type HistoryFilters,
} from "./history-filters";

interface HistoryView {
  filters: HistoryFilters;
  /** Keyset cursor of the page shown, or "" for the first page. */
  cursor: string;
  /** Cursors of the pages before this one, so "Previous" can go back. */
  previousCursors: string[];
  /**
   * Whether the earliest remembered page is a later page, as after a reload
   * with a cursor in the URL. Page numbers are unknown until "First page".
   */
  startsAfterFirstPage: boolean;
  /** Outcome values of the URL the page read that are not run outcomes. */
  ignoredOutcomes: string[];
}

function readView(): HistoryView {
  const { search } = window.location;
  const cursor = readHistoryCursor(search);
  return {
    filters: readHistoryFilters(search),
    cursor,
    previousCursors: [],
    startsAfterFirstPage: cursor !== "",
    ignoredOutcomes: readUnknownOutcomes(search),
  };
}

function firstPage(filters: HistoryFilters): HistoryView {
  return {
    filters,
    cursor: "",
    previousCursors: [],
    startsAfterFirstPage: false,
    ignoredOutcomes: [],
  };
}

/** Writes the filters and cursor into the page URL, replacing its entry. */
function writeUrl(filters: HistoryFilters, cursor: string) {
  const { pathname, search, hash } = window.location;
  const nextSearch = writeHistoryFilters(search, filters, cursor);
  window.history.replaceState(
    window.history.state,
    "",
    `${pathname}${nextSearch}${hash}`,
  );
}

/**
 * Keeps the history filters, sort and page cursor in the page URL, so a
 * filtered history can be bookmarked or sent. Replaces the history entry
 * instead of pushing one per keystroke; back and forward still restore
 * filters other pages set. The cursors of earlier pages live only in
 * memory, so after a reload on a later page "First page" is the way back.
 */
export function useUrlHistoryFilters() {
  const [view, setView] = useState(readView);
  const { filters, cursor, ignoredOutcomes } = view;

  useEffect(() => {
    const readUrl = () => setView(readView());
    window.addEventListener("popstate", readUrl);
    return () => window.removeEventListener("popstate", readUrl);
  }, []);

  // Drops the ignored outcomes from the URL, so it matches the rows shown.
  useEffect(() => {
    if (ignoredOutcomes.length > 0) writeUrl(filters, cursor);
  }, [ignoredOutcomes, filters, cursor]);

  function show(next: HistoryView) {
    setView(next);
    writeUrl(next.filters, next.cursor);
  }

  return {
    ...view,
    /** Applies new filters or sort, starting again from the first page. */
    setFilters: (filters: HistoryFilters) => show(firstPage(filters)),
    showNextPage: (nextCursor: string) =>
      show({
        ...view,
        cursor: nextCursor,
        previousCursors: [...view.previousCursors, view.cursor],
      }),
    showPreviousPage: () =>
      show({
        ...view,
        cursor: view.previousCursors.at(-1) ?? "",
        previousCursors: view.previousCursors.slice(0, -1),
      }),
    showFirstPage: () => show(firstPage(view.filters)),
    dismissIgnoredOutcomes: () => setView({ ...view, ignoredOutcomes: [] }),
  };
}
