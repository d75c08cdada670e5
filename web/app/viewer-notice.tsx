import { Alert, Paper, Stack, Text, Title } from "@mantine/core";

interface ViewerNoticeProps {
  /** Set when the page was opened from a share link it could not use. */
  sharedLinkIgnored: boolean;
  onDismissLink: () => void;
  /** Set when the role dropped below operator while this page was open. */
  roleLost: boolean;
}

export const VIEWER_EXPLANATION =
  "You can view runs. Starting workflows needs the operator role; ask an admin.";

/** Stands where the start form would be, for staff who may not start runs. */
export function ViewerNotice({
  sharedLinkIgnored,
  onDismissLink,
  roleLost,
}: ViewerNoticeProps) {
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="viewer-heading"
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="viewer-heading">
          Start a workflow
        </Title>
        <Text size="sm">{VIEWER_EXPLANATION}</Text>
        {roleLost && (
          <Alert color="orange" variant="light" title="Your role changed">
            <Text size="sm">
              An admin made you a viewer while this page was open, so the start
              form is gone. Nothing you had typed in it was sent. Ask an admin
              for the operator role, then start the run again.
            </Text>
          </Alert>
        )}
        {sharedLinkIgnored && (
          <Alert
            color="orange"
            variant="light"
            title="This link was not used"
            withCloseButton
            onClose={onDismissLink}
            closeButtonLabel="Dismiss this message"
          >
            <Text size="sm">
              The link you opened fills the start form with a workflow and its
              parameters, but you are a viewer, so the page shows no start form.
              Ask an admin for the operator role, or send the link to an
              operator.
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
