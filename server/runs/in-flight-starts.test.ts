import { describe, expect, it } from "vitest";

import { InFlightStarts } from "./in-flight-starts.js";

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("InFlightStarts", () => {
  it("runs tasks with one key one after another", async () => {
    const starts = new InFlightStarts();
    const gate = deferred();
    const order: string[] = [];

    const first = starts.withKey("k", 1000, async () => {
      order.push("first begins");
      await gate.promise;
      order.push("first ends");
    });
    const second = starts.withKey("k", 1000, async () => {
      order.push("second");
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    gate.resolve();
    await Promise.all([first, second]);

    expect(order).toEqual(["first begins", "first ends", "second"]);
  });

  it("gives up waiting after the bound", async () => {
    const starts = new InFlightStarts();
    const gate = deferred();
    void starts.withKey("k", 1000, () => gate.promise);

    const second = await starts.withKey("k", 30, async () => "ran");
    gate.resolve();

    expect(second).toEqual({ ok: false });
  });

  it("runs tasks with other keys at once", async () => {
    const starts = new InFlightStarts();
    const gate = deferred();
    void starts.withKey("a", 1000, () => gate.promise);

    const other = await starts.withKey("b", 10, async () => "ran");
    gate.resolve();

    expect(other).toEqual({ ok: true, value: "ran" });
  });

  it("waits on close for tracked calls", async () => {
    const starts = new InFlightStarts();
    const gate = deferred();
    void starts.track("run_1", gate.promise);

    const closing = starts.close(1000);
    expect(starts.closing).toBe(true);
    expect(starts.runIds()).toEqual(["run_1"]);
    gate.resolve();

    expect(await closing).toBe(true);
    expect(starts.runIds()).toEqual([]);
  });

  it("reports calls still in flight at the deadline", async () => {
    const starts = new InFlightStarts();
    void starts.track("run_1", new Promise(() => undefined));

    expect(await starts.close(30)).toBe(false);
    expect(starts.runIds()).toEqual(["run_1"]);
  });
});
