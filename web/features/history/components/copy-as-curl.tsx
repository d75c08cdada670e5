import { Button, CopyButton } from "@mantine/core";
import type { Run } from "../../../../server/contract/runs";
import { buildCurlCommand } from "../lib/curl-command";

/** Copies the run's start request as a curl command with no secret in it. */
export function CopyAsCurl({ run }: { run: Run }) {
  return (
    <CopyButton value={buildCurlCommand(run)}>
      {({ copied, copy }) => (
        <Button variant="default" size="xs" onClick={copy}>
          {copied ? "Copied as curl" : "Copy as curl"}
        </Button>
      )}
    </CopyButton>
  );
}
