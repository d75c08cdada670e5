import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { REASON_REQUIRED_MESSAGE } from "../../../../server/contract/runs";
import { triggerFormResolver } from "./trigger-form-resolver";
import type { TriggerFormValues } from "./trigger-form-values";

const options: ResolverOptions<TriggerFormValues> = {
  fields: {},
  shouldUseNativeValidation: false,
};

const endUser = {
  heron_id: "eus_abcdefghijklmnopqrstuv",
  end_user_id: "acme-42",
  name: "Acme",
  status: "active",
};

const workflow = {
  heron_id: "wfl_1",
  name: "categorise",
  is_default: true,
  dashboard_trigger_enabled: true,
  dashboard_trigger_label: "Categorise",
  owners: { user_email: [], group_slack_name: [] },
};

describe("triggerFormResolver", () => {
  it("builds the start request from valid values", async () => {
    const result = await triggerFormResolver(
      { end_user: endUser, workflow, parameters_text: '{"a": 1}', reason: "" },
      undefined,
      options,
    );
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({
      end_user_heron_id: endUser.heron_id,
      workflow_name: "categorise",
      workflow_parameters: { a: 1 },
    });
  });

  it("puts the shared schema's messages on the pickers", async () => {
    const result = await triggerFormResolver(
      { end_user: null, workflow: null, parameters_text: "{}", reason: "" },
      undefined,
      options,
    );
    expect(result.errors.end_user?.message).toBe("Choose an end user.");
    expect(result.errors.workflow?.message).toBe("Choose a workflow.");
    expect(result.errors.parameters_text).toBeUndefined();
  });

  it("puts JSON problems on the parameters field", async () => {
    const result = await triggerFormResolver(
      { end_user: endUser, workflow, parameters_text: "[1]", reason: "" },
      undefined,
      options,
    );
    expect(result.errors.parameters_text?.message).toContain(
      "Parameters must be a JSON object",
    );
    expect(result.values).toEqual({});
  });

  it("sends a trimmed reason", async () => {
    const result = await triggerFormResolver(
      { end_user: endUser, workflow, parameters_text: "{}", reason: " T-42 " },
      undefined,
      options,
    );
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({ reason: "T-42" });
  });

  it("leaves out a blank reason", async () => {
    const result = await triggerFormResolver(
      { end_user: endUser, workflow, parameters_text: "{}", reason: "   " },
      { reasonRequired: false },
      options,
    );
    expect(result.errors).toEqual({});
    expect(result.values).not.toHaveProperty("reason");
  });

  it("requires a reason when the setting is on", async () => {
    const result = await triggerFormResolver(
      { end_user: endUser, workflow, parameters_text: "{}", reason: " " },
      { reasonRequired: true },
      options,
    );
    expect(result.errors.reason?.message).toBe(REASON_REQUIRED_MESSAGE);
    expect(result.values).toEqual({});
  });

  it("puts a too long reason on its field", async () => {
    const result = await triggerFormResolver(
      {
        end_user: endUser,
        workflow,
        parameters_text: "{}",
        reason: "x".repeat(501),
      },
      undefined,
      options,
    );
    expect(result.errors.reason?.message).toBeTruthy();
  });
});
