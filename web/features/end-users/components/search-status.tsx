import { Group, Loader, Text } from "@mantine/core";
import {
  END_USER_SEARCH_COUNT_LIMIT,
  type EndUserSearchResult,
} from "../../../../server/contract/heron-data";
import { isApiError } from "../../../lib/api-error";
import { describeLookupFailure } from "../lib/describe-lookup-failure";

const numberFormat = new Intl.NumberFormat("en-US");

export interface SearchStatus {
  kind: "searching" | "error" | "empty" | "results";
  text: string;
  requestId: string | null;
}

interface SearchStatusInput {
  text: string;
  waiting: boolean;
  error: Error | null;
  result: EndUserSearchResult | undefined;
}

/** Describes the search state in one sentence, for the dropdown and screen readers. */
export function describeSearchStatus(input: SearchStatusInput): SearchStatus {
  const { text, waiting, error, result } = input;

  if (error !== null && !waiting) {
    return {
      kind: "error",
      text: `Search failed: ${error.message}`,
      requestId: isApiError(error) ? error.requestId : null,
    };
  }

  if (result === undefined || waiting) {
    return { kind: "searching", text: "Searching end users…", requestId: null };
  }

  // A failed lookup is not a missing user: Heron may have it.
  const lookupFailure = result.lookup_failure
    ? describeLookupFailure(result.lookup_failure)
    : null;

  if (result.end_users.length === 0) {
    const message =
      lookupFailure ?? describeNoMatch(text, result.directory.complete);
    const kind = lookupFailure ? "error" : "empty";
    return { kind, text: message, requestId: null };
  }

  const count = result.end_users.length;
  const total =
    result.total >= END_USER_SEARCH_COUNT_LIMIT
      ? `${numberFormat.format(result.total)} or more`
      : numberFormat.format(result.total);
  const summary =
    result.total > count
      ? `Showing ${count} of ${total} matches. Type more to narrow the list.`
      : `${count} ${count === 1 ? "match" : "matches"}.`;

  const message = lookupFailure ? `${summary} ${lookupFailure}` : summary;
  return { kind: "results", text: message, requestId: null };
}

function describeNoMatch(text: string, complete: boolean): string {
  if (text === "") {
    return complete
      ? "Heron has no end users to show."
      : "No end users loaded yet.";
  }
  if (/^eus_/i.test(text)) return `No end user has heron id "${text}".`;

  const yet = complete ? "" : " yet";
  return `No end user matches "${text}"${yet}. Check the spelling, or paste the user's heron id (eus_…).`;
}

export function EndUserSearchStatus({ status }: { status: SearchStatus }) {
  return (
    <Group gap="xs" wrap="nowrap" py={4}>
      {status.kind === "searching" && <Loader size="xs" />}
      <Text size="sm" c={status.kind === "error" ? "red.9" : "dimmed"}>
        {status.text}
        {status.requestId !== null && ` (request id ${status.requestId})`}
      </Text>
    </Group>
  );
}
