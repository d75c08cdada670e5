import { useEffect, useState } from "react";

export type ConsoleView = "console" | "admin";

const VIEW_PARAM = "view";

function readView(): ConsoleView {
  const value = new URLSearchParams(window.location.search).get(VIEW_PARAM);
  return value === "admin" ? "admin" : "console";
}

/**
 * Keeps the chosen view in the URL as ?view=admin, so the admin view can
 * be bookmarked and the back button returns to the console.
 */
export function useConsoleView() {
  const [view, setView] = useState(readView);

  useEffect(() => {
    const readUrl = () => setView(readView());
    window.addEventListener("popstate", readUrl);
    return () => window.removeEventListener("popstate", readUrl);
  }, []);

  function changeView(next: ConsoleView) {
    const url = new URL(window.location.href);
    if (next === "admin") url.searchParams.set(VIEW_PARAM, next);
    else url.searchParams.delete(VIEW_PARAM);
    window.history.pushState(window.history.state, "", url);
    setView(next);
  }

  return [view, changeView] as const;
}
