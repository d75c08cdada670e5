import { Group, Loader, Text } from "@mantine/core";
import type { EndUserDirectoryStatus } from "../../../../server/contract/heron-data";
import { useNow } from "../../../lib/use-now";
import { describeDirectory } from "../lib/describe-directory";

/** Shows in one line how complete and fresh the end-user list is. */
export function DirectoryStatusLine({
  directory,
}: {
  directory: EndUserDirectoryStatus;
}) {
  const now = useNow(30_000);
  const line = describeDirectory(directory, now);

  return (
    <Group gap="xs" wrap="nowrap" py={4} data-testid="directory-status">
      {line.tone === "loading" && <Loader size="xs" />}
      <Text size="xs" c={line.tone === "warning" ? "orange.9" : "dimmed"}>
        {line.text}
      </Text>
    </Group>
  );
}
