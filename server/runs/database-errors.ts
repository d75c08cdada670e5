import { ApiError } from "../errors.js";

const ASK_ADMIN =
  "If it fails again, ask an administrator to check the database at " +
  "DATABASE_PATH.";

/**
 * Returns the 503 error for a start whose run could not be recorded, because
 * the database is locked, full or read-only. Heron has not been called.
 */
export function recordingFailed(cause: unknown): ApiError {
  return new ApiError(
    503,
    "database_unavailable",
    "The console could not record the run in its database, so it did not " +
      `start the workflow. Try again. ${ASK_ADMIN}`,
    { cause },
  );
}

/** Runs a database read, turning any failure into a 503 for the caller. */
export async function readRuns<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new ApiError(
      503,
      "database_unavailable",
      `The console could not read the run history from its database. Try ` +
        `again. ${ASK_ADMIN}`,
      { cause: error },
    );
  }
}

/** Runs a preset read or write, turning any failure into a 503. */
export async function accessPresets<T>(access: () => Promise<T>): Promise<T> {
  try {
    return await access();
  } catch (error) {
    throw new ApiError(
      503,
      "database_unavailable",
      "The console could not read or save presets in its database. Try " +
        `again. ${ASK_ADMIN}`,
      { cause: error },
    );
  }
}
