import { List, Stack, Text, Title } from "@mantine/core";
import { formatLocalDateTime } from "../../../lib/format-date";
import type { DraftOrigin } from "../../../lib/start-draft";
import { describeParameterChange, diffParameters } from "../lib/parameter-diff";
import type { RunReview } from "../lib/run-review";

/**
 * Lists, as text, how this start differs from the recorded run the form was
 * filled from: end user, workflow and each changed parameter.
 */
export function OriginChanges({
  review,
  origin,
}: {
  review: RunReview;
  origin: DraftOrigin;
}) {
  const { request, endUser } = review;
  const parameterLines = diffParameters(
    origin.workflow_parameters,
    request.workflow_parameters,
  ).map(describeParameterChange);
  const endUserLine =
    origin.end_user_heron_id === request.end_user_heron_id
      ? "End user: unchanged"
      : `End user changed: ${describeEndUser(origin.end_user_name, origin.end_user_heron_id)} → ${describeEndUser(endUser.name, request.end_user_heron_id)}`;
  const workflowLine =
    origin.workflow_name === request.workflow_name
      ? "Workflow: unchanged"
      : `Workflow changed: ${origin.workflow_name} → ${request.workflow_name}`;

  return (
    <Stack gap={4} aria-labelledby="origin-changes-heading" component="section">
      <Title order={3} size="h5" id="origin-changes-heading">
        Changes from the run of {formatLocalDateTime(origin.created_at)}
      </Title>
      <List size="sm" spacing={2}>
        <List.Item>{endUserLine}</List.Item>
        <List.Item>{workflowLine}</List.Item>
        {parameterLines.length === 0 ? (
          <List.Item>Parameters: unchanged</List.Item>
        ) : (
          <List.Item>
            Parameters: {parameterLines.length} changed
            <List size="sm" withPadding ff="monospace">
              {parameterLines.map((line) => (
                <List.Item key={line}>
                  <Text
                    size="sm"
                    ff="monospace"
                    style={{ wordBreak: "break-word" }}
                  >
                    {line}
                  </Text>
                </List.Item>
              ))}
            </List>
          </List.Item>
        )}
      </List>
    </Stack>
  );
}

function describeEndUser(name: string | null, heronId: string): string {
  return name === null ? heronId : `${name} (${heronId})`;
}
