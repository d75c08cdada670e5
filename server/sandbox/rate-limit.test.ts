import { afterEach, beforeEach, describe, expect, vi } from "vitest";
import { describeRateLimit } from "./rate-limiter.js";
import { test } from "./sandbox-test.js";
import { startSandbox } from "./server.js";

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0, 250);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("default limits", () => {
  test("100 per 60 s with headers", async ({ heron }) => {
    const response = await heron.get("/api/workflow/user/workflows");

    expect(response.headers.get("x-ratelimit-limit")).toBe("100");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("99");
    expect(response.headers.get("x-ratelimit-reset")).toBe(
      String(Math.ceil((T0 + 60_000) / 1000)),
    );
  });

  test("4xx responses carry the headers", async ({ heron }) => {
    const response = await heron.get("/api/end_users/no-such-user");

    expect(response.status).toBe(404);
    expect(response.headers.get("x-ratelimit-remaining")).toBe("99");
  });

  test("hello_world is limited without a key", async ({ sandbox }) => {
    const response = await fetch(`${sandbox.url}/api/hello_world`);

    expect(response.headers.get("x-ratelimit-limit")).toBe("100");
  });
});

describe("a small limit", () => {
  test.override({
    sandboxOptions: {
      rateLimits: { list_workflows: { limit: 3, windowSeconds: 60 } },
    },
  });

  test("counts down, then 429", async ({ heron }) => {
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await heron.get("/api/workflow/user/workflows");
      expect(response.status).toBe(200);
      remaining.push(response.headers.get("x-ratelimit-remaining"));
    }
    const throttled = await heron.get("/api/workflow/user/workflows");

    expect(remaining).toEqual(["2", "1", "0"]);
    expect(throttled.status).toBe(429);
    expect(await throttled.json()).toEqual({
      code: 429,
      description: "3 per 1 minute",
      name: "Too Many Requests",
    });
    expect(throttled.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(throttled.headers.get("x-ratelimit-reset")).toBe(
      String(Math.ceil((T0 + 60_000) / 1000)),
    );
  });

  test("other operations keep their own count", async ({ heron }) => {
    for (let i = 0; i < 4; i++) await heron.get("/api/workflow/user/workflows");
    const other = await heron.get("/api/end_users?limit=1");

    expect(other.status).toBe(200);
    expect(other.headers.get("x-ratelimit-limit")).toBe("100");
    expect(other.headers.get("x-ratelimit-remaining")).toBe("99");
  });

  test("window refills after it ends", async ({ heron }) => {
    for (let i = 0; i < 4; i++) await heron.get("/api/workflow/user/workflows");

    vi.setSystemTime(T0 + 59_999);
    const stillThrottled = await heron.get("/api/workflow/user/workflows");
    vi.setSystemTime(T0 + 60_000);
    const refilled = await heron.get("/api/workflow/user/workflows");

    expect(stillThrottled.status).toBe(429);
    expect(refilled.status).toBe(200);
    expect(refilled.headers.get("x-ratelimit-remaining")).toBe("2");
    expect(refilled.headers.get("x-ratelimit-reset")).toBe(
      String(Math.ceil((T0 + 120_000) / 1000)),
    );
  });

  test("401 does not count", async ({ sandbox, heron }) => {
    for (let i = 0; i < 5; i++) {
      await fetch(`${sandbox.url}/api/workflow/user/workflows`);
    }
    const response = await heron.get("/api/workflow/user/workflows");

    expect(response.status).toBe(200);
    expect(response.headers.get("x-ratelimit-remaining")).toBe("2");
  });

  test("reset clears the window", async ({ sandbox, heron }) => {
    for (let i = 0; i < 4; i++) await heron.get("/api/workflow/user/workflows");
    sandbox.control.reset();
    const response = await heron.get("/api/workflow/user/workflows");

    expect(response.status).toBe(200);
  });
});

describe("describeRateLimit", () => {
  const CASES = [
    [{ limit: 100, windowSeconds: 60 }, "100 per 1 minute"],
    [{ limit: 5, windowSeconds: 1 }, "5 per 1 second"],
    [{ limit: 5, windowSeconds: 30 }, "5 per 30 seconds"],
    [{ limit: 10, windowSeconds: 120 }, "10 per 2 minutes"],
    [{ limit: 1000, windowSeconds: 3600 }, "1000 per 1 hour"],
    [{ limit: 1000, windowSeconds: 90 }, "1000 per 90 seconds"],
  ] as const;

  for (const [limit, text] of CASES) {
    test(`formats ${text}`, () => {
      expect(describeRateLimit(limit)).toBe(text);
    });
  }
});

describe("invalid options", () => {
  test("zero limit is rejected", async () => {
    await expect(
      startSandbox({
        apiKey: "key",
        quiet: true,
        rateLimits: { start_by_name: { limit: 0, windowSeconds: 60 } },
      }),
    ).rejects.toThrow(
      /Invalid sandbox options: rateLimits.start_by_name.limit/,
    );
  });

  test("empty api key is rejected", async () => {
    await expect(startSandbox({ apiKey: "", quiet: true })).rejects.toThrow(
      /apiKey must not be empty/,
    );
  });
});
