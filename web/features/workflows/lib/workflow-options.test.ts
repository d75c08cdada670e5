import { describe, expect, it } from "vitest";
import type { WorkflowSummary } from "../../../../server/contract/heron-data";
import {
  ENABLED_GROUP,
  NOT_ENABLED_GROUP,
  buildWorkflowOptions,
  matchesWorkflowSearch,
  workflowLabel,
} from "./workflow-options";

function workflow(overrides: Partial<WorkflowSummary>): WorkflowSummary {
  return {
    heron_id: "wfl_x",
    name: "x",
    is_default: false,
    dashboard_trigger_enabled: true,
    dashboard_trigger_label: null,
    owners: { user_email: [], group_slack_name: [] },
    ...overrides,
  };
}

describe("buildWorkflowOptions", () => {
  it("groups by dashboard trigger, default first", () => {
    const groups = buildWorkflowOptions([
      workflow({ name: "b_flow", dashboard_trigger_label: "B flow" }),
      workflow({ name: "hidden", dashboard_trigger_enabled: false }),
      workflow({ name: "a_flow" }),
      workflow({
        name: "main",
        is_default: true,
        dashboard_trigger_label: "Main",
      }),
    ]);

    expect(groups.map((g) => g.group)).toEqual([
      ENABLED_GROUP,
      NOT_ENABLED_GROUP,
    ]);
    expect(groups[0]?.items).toEqual([
      { value: "main", label: "Main" },
      { value: "a_flow", label: "a_flow" },
      { value: "b_flow", label: "B flow" },
    ]);
    expect(groups[1]?.items).toEqual([{ value: "hidden", label: "hidden" }]);
  });

  it("drops a second workflow with the same name", () => {
    const groups = buildWorkflowOptions([
      workflow({ heron_id: "wfl_1", name: "same" }),
      workflow({ heron_id: "wfl_2", name: "same" }),
    ]);
    expect(groups[0]?.items).toHaveLength(1);
  });

  it("omits empty groups", () => {
    expect(buildWorkflowOptions([])).toEqual([]);
  });
});

describe("workflowLabel", () => {
  it("falls back to the name for a blank label", () => {
    expect(
      workflowLabel(workflow({ name: "n", dashboard_trigger_label: " " })),
    ).toBe("n");
  });
});

describe("matchesWorkflowSearch", () => {
  it("matches the label or the name", () => {
    const option = { value: "categorise_tx", label: "Categorise transactions" };
    expect(matchesWorkflowSearch(option, "TRANSACT")).toBe(true);
    expect(matchesWorkflowSearch(option, "_tx")).toBe(true);
    expect(matchesWorkflowSearch(option, "refresh")).toBe(false);
  });
});
