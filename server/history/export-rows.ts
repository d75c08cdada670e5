import { RUN_EXPORT_COLUMNS } from "../contract/history.js";
import type { RunExportRow } from "../store/run-store.js";
import { csvRecord } from "./csv.js";

export const EXPORT_HEADER = csvRecord(RUN_EXPORT_COLUMNS);

/** Formats one run as a CSV record in the order of RUN_EXPORT_COLUMNS. */
export function exportRecord(row: RunExportRow): string {
  return csvRecord(RUN_EXPORT_COLUMNS.map((column) => row[column]));
}

/** Returns a file name such as heron-runs-20250131T090000Z.csv, safe on Windows. */
export function exportFileName(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
  return `heron-runs-${stamp}.csv`;
}
