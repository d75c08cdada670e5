import { Alert } from "@mantine/core";
import { RUN_OUTCOMES } from "../../../../server/contract/runs";

interface IgnoredOutcomesNoticeProps {
  /** Outcome values from the page URL that are not run outcomes. */
  outcomes: string[];
  onDismiss: () => void;
}

/** Warns that the history ignored outcome values of the page's link. */
export function IgnoredOutcomesNotice({
  outcomes,
  onDismiss,
}: IgnoredOutcomesNoticeProps) {
  const quoted = outcomes.map((outcome) => JSON.stringify(outcome)).join(", ");
  const single = outcomes.length === 1;
  const known = `${RUN_OUTCOMES.slice(0, -1).join(", ")} and ${RUN_OUTCOMES.at(-1)}`;

  return (
    <Alert
      color="yellow"
      variant="light"
      title="Outcome filter ignored"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onDismiss}
    >
      {single
        ? `The link's outcome ${quoted} is not a run outcome, so the history ignored it.`
        : `The link's outcomes ${quoted} are not run outcomes, so the history ignored them.`}{" "}
      Run outcomes are {known}.
    </Alert>
  );
}
