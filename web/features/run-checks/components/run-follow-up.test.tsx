import { MantineProvider } from "@mantine/core";
import { Notifications, notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Run } from "../../../../server/contract/runs";
import { RunFollowUp } from "./run-follow-up";

const unknownRun = {
  id: "run_1",
  created_at: "2026-12-04T15:00:00.000Z",
  end_user_heron_id: "eus_abcdefghijklmnopqrstuv",
  end_user_name: "Café Müller GmbH",
  workflow_name: "Standard processing",
  outcome: "unknown",
  workflow_execution_id: null,
  reconciliation_note: null,
  reconciliation_checked_at: null,
} as Run;

function stubCheck(checked: Run) {
  const fetchMock = vi.fn(() =>
    Promise.resolve(
      new Response(JSON.stringify(checked), {
        status: 200,
        headers: { "Content-Type": "application/json" },
      }),
    ),
  );
  vi.stubGlobal("fetch", fetchMock);
}

function renderFollowUp(run: Run) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false } },
  });
  render(
    <MantineProvider>
      <Notifications />
      <QueryClientProvider client={client}>
        <RunFollowUp run={run} follow="on-request" />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  // The notifications store outlives each render.
  notifications.clean();
});

describe("RunFollowUp check again", () => {
  it("shows a toast when the outcome changes", async () => {
    stubCheck({
      ...unknownRun,
      outcome: "started",
      workflow_execution_id: "wex_1",
    });
    renderFollowUp(unknownRun);

    await userEvent.click(screen.getByRole("button", { name: "Check again" }));

    expect(await screen.findByText("Run is now Started")).toBeTruthy();
    expect(
      screen.getByText(/changed the Standard processing run from Unknown/),
    ).toBeTruthy();
  });

  it("shows no toast when the outcome stays", async () => {
    stubCheck({ ...unknownRun, reconciliation_note: "No matching execution" });
    renderFollowUp(unknownRun);

    await userEvent.click(screen.getByRole("button", { name: "Check again" }));

    expect(
      await screen.findByText(/The check did not settle the run/),
    ).toBeTruthy();
    expect(screen.queryByText(/Run is now/)).toBeNull();
  });
});
