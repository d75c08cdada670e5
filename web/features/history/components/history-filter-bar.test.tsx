import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { StaffList } from "../../../../server/contract/auth";
import {
  EMPTY_HISTORY_FILTERS,
  type HistoryFilters,
} from "../lib/history-filters";
import { HistoryFilterBar } from "./history-filter-bar";

const STAFF: StaffList = {
  staff: [{ id: "usr_ada", display_name: "Ada", email: "ada@example.com" }],
};

function renderFilterBar(filters: HistoryFilters) {
  vi.stubGlobal(
    "fetch",
    vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify(STAFF), {
          status: 200,
          headers: { "Content-Type": "application/json" },
        }),
      ),
    ),
  );
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false } },
  });
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <HistoryFilterBar filters={filters} onChange={() => {}} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("HistoryFilterBar", () => {
  it("names a starter with no runs", async () => {
    renderFilterBar({ ...EMPTY_HISTORY_FILTERS, started_by: "usr_new" });

    expect(
      await screen.findByText("No runs recorded for this account"),
    ).toBeTruthy();
    // Select copies the label into its input in an effect, after the list
    // renders.
    const input = await screen.findByDisplayValue(
      "No runs by this account (usr_new)",
    );
    expect(input).toBe(screen.getByRole("combobox", { name: "Started by" }));
  });

  it("says export ignores unapplied changes", async () => {
    renderFilterBar(EMPTY_HISTORY_FILTERS);
    const link = screen.getByRole("link", { name: "Export CSV" });
    const note = () =>
      document.getElementById(link.getAttribute("aria-describedby") ?? "");

    expect(note()?.textContent).toMatch(/matches the applied filters/);
    await userEvent.type(screen.getByRole("textbox", { name: "Search" }), "x");
    expect(note()?.textContent).toMatch(/not your changes/);
  });
});
