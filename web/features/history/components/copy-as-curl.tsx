import { Button, CopyButton } from "@mantine/core";
import type { Run } from "../../../../server/contract/runs";
import { useHealth } from "../../../lib/health";
import { buildCurlCommand } from "../lib/curl-command";

/** Copies the run's start request as a curl command with no secret in it. */
export function CopyAsCurl({ run }: { run: Run }) {
  const health = useHealth();
  // Until the mode is known, the command names no default address, so it
  // can never send a sandbox run to the real Heron.
  const sandbox = health.data?.heron_mode !== "heron";

  return (
    <CopyButton value={buildCurlCommand(run, { sandbox })}>
      {({ copied, copy }) => (
        <Button variant="default" size="xs" onClick={copy}>
          {copied ? "Copied as curl" : "Copy as curl"}
        </Button>
      )}
    </CopyButton>
  );
}
