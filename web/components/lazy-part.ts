import { lazy, type ComponentType } from "react";

/**
 * A chunk of a lazy part that did not load, usually because the console was
 * rebuilt since the page opened and the old chunk is gone.
 */
export class LazyPartLoadError extends Error {
  constructor(cause: unknown) {
    super(
      "Failed to load a part of the page. The console was probably updated " +
        "since this page opened, so reload the page.",
      { cause },
    );
    this.name = "LazyPartLoadError";
  }
}

/**
 * Wraps React.lazy so a failed import throws LazyPartLoadError, which
 * LazyPartBoundary distinguishes from a rendering error. React.lazy keeps the
 * rejected import, so only a page reload loads the part again.
 */
// The same bound as React.lazy's, which needs `any` to accept components of
// every props type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyPart<Part extends ComponentType<any>>(
  load: () => Promise<{ default: Part }>,
) {
  return lazy(async () => {
    try {
      return await load();
    } catch (cause) {
      throw new LazyPartLoadError(cause);
    }
  });
}
