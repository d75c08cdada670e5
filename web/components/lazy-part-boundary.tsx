import { Component, type ErrorInfo, type ReactNode } from "react";
import { ConsoleUpdatedAlert } from "./console-updated-alert";
import { LazyPartLoadError } from "./lazy-part";

interface LazyPartBoundaryProps {
  /** Names the part in the message, as in "Presets". */
  part: string;
  children: ReactNode;
}

interface LazyPartBoundaryState {
  /** The part's thrown value, wrapped so a thrown undefined still counts. */
  failure: { error: unknown } | null;
}

/**
 * Shows a reload message in place of a lazy part whose chunk failed to load,
 * so the rest of its region keeps working. Any other error is thrown again
 * for the region's own boundary.
 */
export class LazyPartBoundary extends Component<
  LazyPartBoundaryProps,
  LazyPartBoundaryState
> {
  override state: LazyPartBoundaryState = { failure: null };

  static getDerivedStateFromError(error: unknown): LazyPartBoundaryState {
    return { failure: { error } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    if (!(error instanceof LazyPartLoadError)) return;
    console.error(`${this.props.part} could not load`, error, info);
  }

  override render() {
    const { failure } = this.state;

    if (failure === null) return this.props.children;
    if (!(failure.error instanceof LazyPartLoadError)) throw failure.error;

    return <ConsoleUpdatedAlert title={`${this.props.part} could not load`} />;
  }
}
