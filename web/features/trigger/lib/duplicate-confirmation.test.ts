import { describe, expect, it } from "vitest";
import type { Run } from "../../../../server/contract/runs";
import {
  listRepeatedRuns,
  withDuplicateChoice,
} from "./duplicate-confirmation";

function run(id: string, overrides: Partial<Run> = {}): Run {
  return {
    id,
    created_at: "2026-12-04T15:00:00.000Z",
    updated_at: "2026-12-04T15:00:01.000Z",
    end_user_heron_id: "eus_abcdefghijklmnopqrstuv",
    end_user_name: "Café Müller GmbH",
    workflow_name: "Standard processing",
    workflow_parameters: {},
    request_id: "req_1",
    outcome: "started",
    http_status: 200,
    heron_response: {},
    action: "started",
    status: "pending",
    workflow_execution_id: "wex_1",
    workflow_id: "wfl_1",
    error_message: null,
    duration_ms: 40,
    started_by: null,
    reason: null,
    ...overrides,
  };
}

const request = {
  end_user_heron_id: "eus_abcdefghijklmnopqrstuv",
  workflow_name: "Standard processing",
  workflow_parameters: { amount: 1 },
};

describe("listRepeatedRuns", () => {
  it("keeps the server's order and status", () => {
    const runs = listRepeatedRuns(
      [
        run("run_2", { execution_status: "running" }),
        run("run_1", { outcome: "unknown" }),
      ],
      null,
    );
    expect(runs.map((r) => r.id)).toEqual(["run_2", "run_1"]);
    expect(runs[0]?.execution_status).toBe("running");
    expect(runs[1]?.outcome).toBe("unknown");
    expect(runs[1]?.execution_status).toBeNull();
  });

  it("adds the duplicate the server named", () => {
    const known = {
      id: "run_9",
      created_at: "2026-12-04T15:01:00.000Z",
      outcome: "sending" as const,
    };
    const runs = listRepeatedRuns([run("run_1")], known);
    expect(runs.map((r) => r.id)).toEqual(["run_1", "run_9"]);
  });

  it("lists the named duplicate once", () => {
    const known = {
      id: "run_1",
      created_at: "2026-12-04T15:00:00.000Z",
      outcome: "started" as const,
    };
    expect(listRepeatedRuns([run("run_1")], known)).toHaveLength(1);
  });

  it("works before the list is read", () => {
    expect(listRepeatedRuns(undefined, null)).toEqual([]);
  });
});

describe("withDuplicateChoice", () => {
  it("adds allow_duplicate when confirmed", () => {
    expect(withDuplicateChoice(request, true)).toEqual({
      ...request,
      allow_duplicate: true,
    });
  });

  it("drops allow_duplicate when not confirmed", () => {
    const sent = withDuplicateChoice(
      { ...request, allow_duplicate: true },
      false,
    );
    expect(sent).toEqual(request);
    expect("allow_duplicate" in sent).toBe(false);
  });
});
