import { MantineProvider } from "@mantine/core";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../lib/api-error";
import { HistoryLoadError } from "./history-load-error";

const FROM_REASON =
  "from must be an ISO 8601 UTC time, such as 2025-01-31T09:00:00Z.";

function renderError(error: unknown, onClearFilters: (() => void) | null) {
  const onRetry = vi.fn();
  render(
    <MantineProvider>
      <HistoryLoadError
        error={error}
        query={{ from: "notadate", limit: 20 }}
        onRetry={onRetry}
        onClearFilters={onClearFilters}
      />
    </MantineProvider>,
  );
  return onRetry;
}

describe("HistoryLoadError", () => {
  it("lists a rejected filter with value and reason", async () => {
    const clear = vi.fn();
    renderError(
      new ApiError({
        status: 400,
        code: "validation_failed",
        message: "The run list query has invalid values: from.",
        fields: { from: [FROM_REASON] },
        requestId: "req_1",
      }),
      clear,
    );

    const item = screen.getByRole("listitem");
    expect(item.textContent).toBe(`From (from): "notadate". ${FROM_REASON}`);
    expect(screen.getByText("req_1")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();

    await userEvent.click(
      screen.getByRole("button", { name: "Clear filters" }),
    );
    expect(clear).toHaveBeenCalledOnce();
  });

  it("offers Try again for other failures", async () => {
    const onRetry = renderError(
      new ApiError({ status: 500, code: "internal", message: "It failed." }),
      () => {},
    );

    expect(screen.getByText("It failed.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Clear filters" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
