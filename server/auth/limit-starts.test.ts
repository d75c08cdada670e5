import { describe, expect, it } from "vitest";

import { errorOf, startBody } from "../testing/start-helpers.js";
import { startTestServer } from "../testing/test-server.js";

describe("per-user start limit message", () => {
  it("counts requests, not started workflows", async () => {
    const limited = await startTestServer({
      env: { START_RATE_LIMIT_PER_SECOND: "3", DUPLICATE_WINDOW_MINUTES: "10" },
    });
    try {
      const operator = await limited.client("operator");
      const send = () =>
        operator("/api/runs", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(startBody()),
        });
      const responses = await Promise.all(Array.from({ length: 10 }, send));
      const statuses = responses.map((response) => response.status);
      const rejected = responses.find((response) => response.status === 429);
      const error = rejected ? await errorOf(rejected) : null;

      expect(statuses.filter((status) => status === 429)).toHaveLength(7);
      expect(error?.message).toBe(
        "You sent more than 3 start requests in the last second, the most " +
          "allowed per person. Wait 1 second and start it again.",
      );
    } finally {
      await limited.close();
    }
  });
});
