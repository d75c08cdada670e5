import type { Run } from "../../../../server/contract/runs";

/** Heron's production address, used when HERON_BASE_URL is not set. */
const HERON_BASE_URL_DEFAULT = "https://app.herondata.io";

/** Message the shell prints when a command copied in sandbox mode has no address. */
const SANDBOX_BASE_URL_MESSAGE =
  "this run went to the console's sandbox, so set HERON_BASE_URL to the sandbox or Heron address first";

/** Quotes text for a POSIX shell: single quotes, with ' written as '\''. */
export function quoteForShell(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * Builds a curl command that sends the run's start request to Heron again.
 * The key is written as $HERON_API_KEY and the address as $HERON_BASE_URL,
 * so the command contains no secret. Unset, the address is Heron's
 * production one, except when the console runs against its sandbox: then the
 * shell stops with a message rather than start the run at the real Heron.
 */
export function buildCurlCommand(
  run: Pick<Run, "end_user_heron_id" | "workflow_name" | "workflow_parameters">,
  { sandbox }: { sandbox: boolean },
): string {
  const body = JSON.stringify({
    end_user_heron_id: run.end_user_heron_id,
    workflow_name: run.workflow_name,
    workflow_parameters: run.workflow_parameters,
  });

  const baseUrl = sandbox
    ? `\${HERON_BASE_URL:?${SANDBOX_BASE_URL_MESSAGE}}`
    : `\${HERON_BASE_URL:-${HERON_BASE_URL_DEFAULT}}`;

  return [
    "curl -sS -X POST \\",
    `  "${baseUrl}/api/workflow/start_by_name" \\`,
    '  -H "x-api-key: $HERON_API_KEY" \\',
    "  -H 'content-type: application/json' \\",
    `  --data-raw ${quoteForShell(body)}`,
  ].join("\n");
}
