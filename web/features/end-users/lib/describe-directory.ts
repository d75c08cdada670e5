import type { EndUserDirectoryStatus } from "../../../../server/contract/heron-data";
import { formatTimeAgo } from "../../../lib/format-time-ago";

export interface DirectoryLine {
  tone: "normal" | "loading" | "warning";
  text: string;
}

const numberFormat = new Intl.NumberFormat("en-US");

function countUsers(count: number): string {
  return `${numberFormat.format(count)} end ${count === 1 ? "user" : "users"}`;
}

/**
 * Describes how complete and fresh the console's end-user list is, such as
 * "Synced 3 minutes ago, 48,210 end users."
 */
export function describeDirectory(
  directory: EndUserDirectoryStatus,
  nowMs: number,
): DirectoryLine {
  if (!directory.complete) {
    const soFar = countUsers(directory.count);
    if (directory.state === "failed") {
      return {
        tone: "warning",
        text:
          `Loading the end-user list from Heron stopped after ${soFar}: ` +
          `${directory.error ?? "unknown error"} Results may be missing; a ` +
          "pasted id is still looked up at Heron.",
      };
    }
    return {
      tone: "loading",
      text:
        `The end-user list is still loading from Heron (${soFar} so ` +
        "far), so results may be missing. A pasted id is looked up at Heron.",
    };
  }

  const synced =
    directory.synced_at === null
      ? "Synced"
      : `Synced ${formatTimeAgo(directory.synced_at, nowMs)}`;
  const line = `${synced}, ${countUsers(directory.count)}.`;
  if (directory.state === "failed") {
    return {
      tone: "warning",
      text: `${line} The last refresh failed: ${directory.error ?? "unknown error"}`,
    };
  }
  return { tone: "normal", text: line };
}
