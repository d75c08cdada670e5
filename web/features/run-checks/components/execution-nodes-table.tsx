import { Table, Text } from "@mantine/core";
import type { ExecutionNode } from "../../../../server/contract/executions";
import { formatLocalTime, formatUtcDateTime } from "../../../lib/format-date";
import { ExecutionStatusBadge } from "./execution-status-badge";

/** Lists an execution's nodes in run order with their status, times and error. */
export function ExecutionNodesTable({ nodes }: { nodes: ExecutionNode[] }) {
  if (nodes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Heron listed no nodes for this execution.
      </Text>
    );
  }

  return (
    <Table.ScrollContainer minWidth={520}>
      <Table
        aria-label="Nodes of the execution"
        verticalSpacing={4}
        fz="sm"
        withTableBorder
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Node</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Started</Table.Th>
            <Table.Th scope="col">Finished</Table.Th>
            <Table.Th scope="col">Error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {nodes.map((node) => (
            <Table.Tr key={node.name}>
              {/* break-word keeps a name such as fetch_statements whole and
                  widens the column, which scrolls, where "anywhere" cut it. */}
              <Table.Td ff="monospace" style={{ overflowWrap: "break-word" }}>
                {node.name}
              </Table.Td>
              <Table.Td>
                <ExecutionStatusBadge status={node.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <NodeTime iso={node.started_time} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <NodeTime iso={node.finished_time} />
              </Table.Td>
              <Table.Td>
                {node.error === undefined ? (
                  "—"
                ) : (
                  <Text size="sm" c="var(--mantine-color-error)">
                    {node.error}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Renders a time of day in the browser's zone, with the full UTC time on hover. */
function NodeTime({ iso }: { iso: string | undefined }) {
  if (iso === undefined) return "—";

  const date = new Date(iso);

  if (Number.isNaN(date.getTime())) return iso;

  return (
    <time dateTime={iso} title={formatUtcDateTime(iso)}>
      {formatLocalTime(date)}
    </time>
  );
}
