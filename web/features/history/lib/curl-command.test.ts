import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildCurlCommand, quoteForShell } from "./curl-command";

const run = {
  end_user_heron_id: "eus_aaaaaaaaaaaaaaaaaaaaaa",
  workflow_name: "O'Brien's review",
  workflow_parameters: { note: "it's $HOME and `x`", name: "Zoë 🎉" },
};

describe("buildCurlCommand", () => {
  it("names the key only as a variable", () => {
    const command = buildCurlCommand(run, { sandbox: false });

    expect(command).toContain('-H "x-api-key: $HERON_API_KEY"');
    expect(command).not.toMatch(/key_[0-9a-f]{8}/);
  });

  it("defaults the address to Heron's", () => {
    expect(buildCurlCommand(run, { sandbox: false })).toContain(
      '"${HERON_BASE_URL:-https://app.herondata.io}/api/workflow/start_by_name"',
    );
  });

  it("has no default address in sandbox mode", () => {
    const command = buildCurlCommand(run, { sandbox: true });

    expect(command).not.toContain("herondata.io");
    expect(command).toContain("${HERON_BASE_URL:?");
  });

  it("stops in the shell without HERON_BASE_URL in sandbox mode", () => {
    // echo replaces curl, so nothing is sent even if the check fails.
    const command = buildCurlCommand(run, { sandbox: true }).replace(
      /^curl/,
      "echo",
    );
    const result = spawnSync("sh", ["-c", command], {
      encoding: "utf8",
      env: { PATH: process.env.PATH },
    });

    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("set HERON_BASE_URL");
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
    expect(buildCurlCommand(run, { sandbox: false })).toContain(
      `--data-raw ${quoteForShell(body)}`,
    );
  });
});
