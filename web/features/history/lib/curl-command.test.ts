import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildCurlCommand, quoteForShell } from "./curl-command";

const run = {
  end_user_heron_id: "eus_aaaaaaaaaaaaaaaaaaaaaa",
  workflow_name: "O'Brien's review",
  workflow_parameters: { note: "it's $HOME and `x`", name: "Zoë 🎉" },
};

describe("buildCurlCommand", () => {
  it("names the key only as a variable", () => {
    const command = buildCurlCommand(run);

    expect(command).toContain('-H "x-api-key: $HERON_API_KEY"');
    expect(command).not.toMatch(/key_[0-9a-f]{8}/);
  });

  it("defaults the address to Heron's", () => {
    expect(buildCurlCommand(run)).toContain(
      '"${HERON_BASE_URL:-https://app.herondata.io}/api/workflow/start_by_name"',
    );
  });

  it("passes the body through the shell unchanged", () => {
    const body = JSON.stringify({
      end_user_heron_id: run.end_user_heron_id,
      workflow_name: run.workflow_name,
      workflow_parameters: run.workflow_parameters,
    });
    const echoed = execFileSync(
      "sh",
      ["-c", `printf %s ${quoteForShell(body)}`],
      {
        encoding: "utf8",
      },
    );

    expect(echoed).toBe(body);
    expect(buildCurlCommand(run)).toContain(
      `--data-raw ${quoteForShell(body)}`,
    );
  });
});
