import { MantineProvider } from "@mantine/core";
import { render, screen } from "@testing-library/react";
import { Suspense, type ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { lazyPart } from "./lazy-part";
import { LazyPartBoundary } from "./lazy-part-boundary";
import { RegionErrorBoundary } from "./region-error-boundary";

function Broken(): never {
  throw new Error("table broke");
}

function renderInRegion(part: ReactNode) {
  render(
    <MantineProvider>
      <RegionErrorBoundary region="History">
        <p>Rest of the region</p>
        <LazyPartBoundary part="Run details">
          <Suspense fallback={<p>Loading</p>}>{part}</Suspense>
        </LazyPartBoundary>
      </RegionErrorBoundary>
    </MantineProvider>,
  );
}

// React logs every caught error; the tests check what the page shows.
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("LazyPartBoundary", () => {
  it("asks for a reload on a failed chunk", async () => {
    const Part = lazyPart(() =>
      Promise.reject(new TypeError("Failed to fetch dynamically imported")),
    );
    renderInRegion(<Part />);

    expect(await screen.findByText("Run details could not load")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Reload page" })).toBeTruthy();
    expect(screen.getByText("Rest of the region")).toBeTruthy();
    expect(screen.queryByText(/failed to display/)).toBeNull();
  });

  it("passes rendering errors to the region", () => {
    renderInRegion(<Broken />);

    expect(screen.getByText("History failed to display")).toBeTruthy();
    expect(screen.getByText("The error was: table broke")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Reload page" })).toBeNull();
  });
});

describe("RegionErrorBoundary", () => {
  it("asks for a reload on a failed chunk", async () => {
    const Part = lazyPart(() => Promise.reject(new TypeError("404")));
    render(
      <MantineProvider>
        <RegionErrorBoundary region="History">
          <Suspense fallback={<p>Loading</p>}>
            <Part />
          </Suspense>
        </RegionErrorBoundary>
      </MantineProvider>,
    );

    expect(await screen.findByText("History could not load")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Reload page" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });
});
