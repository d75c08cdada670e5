import { describe, expect, it } from "vitest";

import { HeronError } from "../heron/heron-error.js";
import { describeStartFailure } from "./describe-start-failure.js";

const request = {
  end_user_heron_id: "eus_aaaaaaaaaaaaaaaaaaaaaa",
  workflow_name: "Categorise transactions",
};

function notFound(description: unknown): HeronError {
  return new HeronError("Heron responded 404", {
    kind: "http",
    operation: "start_by_name",
    requestSent: true,
    status: 404,
    envelope: { code: 404, description, name: "Not Found" },
  });
}

describe("describeStartFailure on 404", () => {
  it("names only the end user Heron did not find", () => {
    const { outcome, description } = describeStartFailure(
      notFound("End user not found"),
      request,
    );

    expect(outcome).toBe("rejected");
    expect(description.message).toContain(
      "Heron found no end user eus_aaaaaaaaaaaaaaaaaaaaaa.",
    );
    expect(description.message).not.toContain("workflow");
  });

  it("names only the workflow Heron did not find", () => {
    const { outcome, description } = describeStartFailure(
      notFound("Workflow not found"),
      request,
    );

    expect(outcome).toBe("rejected");
    expect(description.message).toContain(
      'Heron found no workflow named "Categorise transactions".',
    );
    expect(description.message).not.toContain("end user");
  });

  it("names both when the body says neither", () => {
    const { description } = describeStartFailure(notFound(null), request);

    expect(description.message).toContain("no end user");
    expect(description.message).toContain("no workflow");
  });
});
