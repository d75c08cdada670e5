import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { errorOf, startBody, startRequests } from "../testing/start-helpers.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe("POST /api/runs reason", () => {
  it.each([
    ["right-to-left override", "TICKET-\u202E24"],
    ["left-to-right isolate", "refund \u2066A\u2069"],
    ["line break", "first line\nsecond line"],
    ["terminal escape", "TICKET-1\u001b[31m"],
    ["null character", "TICKET\u00001"],
  ])("rejects a reason with a %s", async (_name, reason) => {
    const before = startRequests(server.sandbox).length;
    const response = await server.postRun(startBody({ reason }));
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(Object.keys(error.fields ?? {})).toEqual(["reason"]);
    expect(startRequests(server.sandbox)).toHaveLength(before);
  });

  it("accepts accents and other scripts", async () => {
    const response = await server.postRun(
      startBody({ reason: "Remboursement élève – 退款 #42" }),
    );

    expect(response.status).toBe(201);
  });
});
