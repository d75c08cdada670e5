import { formatLocalDateTime, formatUtcDateTime } from "../lib/format-date";

/** A timestamp in local time, with the UTC time in the hover title. */
export function LocalTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatUtcDateTime(iso)}>
      {formatLocalDateTime(iso)}
    </time>
  );
}
