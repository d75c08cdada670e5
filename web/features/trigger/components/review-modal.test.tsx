import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RecentRuns, Run } from "../../../../server/contract/runs";
import type { RunReview } from "../lib/run-review";
import { ReviewModal } from "./review-modal";

const review: RunReview = {
  request: {
    end_user_heron_id: "eus_abcdefghijklmnopqrstuv",
    workflow_name: "Standard processing",
    workflow_parameters: {},
  },
  endUser: {
    heron_id: "eus_abcdefghijklmnopqrstuv",
    end_user_id: "acme-001",
    name: "Café Müller GmbH",
    status: null,
  },
  workflow: {
    heron_id: "wfl_1",
    name: "Standard processing",
    is_default: true,
    dashboard_trigger_enabled: true,
    dashboard_trigger_label: "Process end user",
    owners: { user_email: [], group_slack_name: [] },
  },
  idempotencyKey: "key-1",
  knownDuplicate: null,
  origin: null,
};

const recentRun = {
  id: "run_1",
  created_at: new Date(Date.now() - 4 * 60_000).toISOString(),
  outcome: "started",
  execution_status: "running",
  execution_status_at: new Date().toISOString(),
} as Run;

function stubRecentRuns(runs: Run[]) {
  const body: RecentRuns = { runs, window_minutes: 10 };
  const fetchMock = vi.fn(() =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status: 200,
        headers: { "Content-Type": "application/json" },
      }),
    ),
  );
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

function renderModal(onConfirm: (allowDuplicate: boolean) => void) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false } },
  });
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <ReviewModal
          review={review}
          opened
          starting={false}
          rateLimitedUntil={null}
          rateLimited={false}
          startBudget={null}
          onConfirm={onConfirm}
          onClose={() => {}}
        />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

function isDisabled(element: HTMLElement): boolean {
  return (element as HTMLButtonElement).disabled;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("ReviewModal", () => {
  it("asks for the recent runs of the pair", async () => {
    const fetchMock = stubRecentRuns([]);
    renderModal(() => {});
    await screen.findByRole("button", { name: "Start workflow" });
    expect(fetchMock).toHaveBeenCalledWith(
      "/api/runs/recent?end_user_heron_id=eus_abcdefghijklmnopqrstuv&workflow_name=Standard+processing",
      expect.anything(),
    );
  });

  it("starts without a confirmation when nothing ran", async () => {
    stubRecentRuns([]);
    const onConfirm = vi.fn();
    renderModal(onConfirm);
    const start = screen.getByRole("button", { name: "Start workflow" });
    await vi.waitFor(() => expect(isDisabled(start)).toBe(false));
    await userEvent.click(start);
    expect(onConfirm).toHaveBeenCalledWith(false);
  });

  it("needs the checkbox after a recent run", async () => {
    stubRecentRuns([recentRun]);
    const onConfirm = vi.fn();
    renderModal(onConfirm);
    const checkbox = await screen.findByRole("checkbox", {
      name: "Start it again anyway",
    });
    const start = screen.getByRole("button", { name: "Start workflow" });
    expect(isDisabled(start)).toBe(true);
    expect(screen.getByText(/recorded 4 minutes ago/)).toBeTruthy();
    expect(screen.getByText(/Execution status: running/)).toBeTruthy();

    await userEvent.click(checkbox);
    expect(isDisabled(start)).toBe(false);
    await userEvent.click(start);
    expect(onConfirm).toHaveBeenCalledWith(true);
  });
});
