import { formatLocalDateTime, formatUtcDateTime } from "../lib/format-date";

/** Renders a timestamp in local time, with the UTC time in the hover title. */
export function LocalTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatUtcDateTime(iso)}>
      {formatLocalDateTime(iso)}
    </time>
  );
}
