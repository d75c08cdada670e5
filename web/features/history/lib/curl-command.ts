import type { Run } from "../../../../server/contract/runs";

/** Heron's production address, used when HERON_BASE_URL is not set. */
const HERON_BASE_URL_DEFAULT = "https://app.herondata.io";

/** Quotes text for a POSIX shell: single quotes, with ' written as '\''. */
export function quoteForShell(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * Builds a curl command that sends the run's start request to Heron again.
 * The key is written as $HERON_API_KEY and the address as $HERON_BASE_URL
 * (Heron's production address when unset), so the command contains no secret
 * and works against the sandbox too.
 */
export function buildCurlCommand(
  run: Pick<Run, "end_user_heron_id" | "workflow_name" | "workflow_parameters">,
): string {
  const body = JSON.stringify({
    end_user_heron_id: run.end_user_heron_id,
    workflow_name: run.workflow_name,
    workflow_parameters: run.workflow_parameters,
  });

  return [
    "curl -sS -X POST \\",
    `  "\${HERON_BASE_URL:-${HERON_BASE_URL_DEFAULT}}/api/workflow/start_by_name" \\`,
    '  -H "x-api-key: $HERON_API_KEY" \\',
    "  -H 'content-type: application/json' \\",
    `  --data-raw ${quoteForShell(body)}`,
  ].join("\n");
}
