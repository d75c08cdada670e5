import { Alert, Button, Stack, Text } from "@mantine/core";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { ConsoleUpdatedAlert } from "./console-updated-alert";
import { LazyPartLoadError } from "./lazy-part";

interface RegionErrorBoundaryProps {
  /** Names the region in the message, as in "History". */
  region: string;
  children: ReactNode;
}

interface RegionErrorBoundaryState {
  error: Error | null;
}

/**
 * Keeps a rendering error in one region of the page from blanking the rest,
 * so a broken history table still leaves the start form usable.
 */
export class RegionErrorBoundary extends Component<
  RegionErrorBoundaryProps,
  RegionErrorBoundaryState
> {
  override state: RegionErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): RegionErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(
      `The ${this.props.region} region failed to render`,
      error,
      info,
    );
  }

  override render() {
    const { error } = this.state;

    if (error === null) return this.props.children;
    // "Try again" would meet the same failed import, so ask for a reload.
    if (error instanceof LazyPartLoadError) {
      return (
        <ConsoleUpdatedAlert title={`${this.props.region} could not load`} />
      );
    }

    return (
      <Alert
        color="red"
        variant="light"
        title={`${this.props.region} failed to display`}
      >
        <Stack gap="xs">
          <Text size="sm">The error was: {error.message}</Text>
          <Text size="sm">
            Try again. If it keeps failing, reload the page.
          </Text>
          <Button
            size="xs"
            variant="default"
            onClick={() => this.setState({ error: null })}
          >
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
}
