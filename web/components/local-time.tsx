import { Text } from "@mantine/core";
import {
  formatLocalDateAndTime,
  formatLocalDateTime,
  formatUtcDateTime,
} from "../lib/format-date";

/** Renders a timestamp in local time, with the UTC time in the hover title. */
export function LocalTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatUtcDateTime(iso)}>
      {formatLocalDateTime(iso)}
    </time>
  );
}

/** Renders a timestamp as a local date over a local time, for table cells. */
export function StackedLocalTime({ iso }: { iso: string }) {
  const { date, time } = formatLocalDateAndTime(iso);

  return (
    <time dateTime={iso} title={formatUtcDateTime(iso)}>
      <Text span size="sm" display="block" style={{ whiteSpace: "nowrap" }}>
        {date}
      </Text>
      <Text span size="xs" c="dimmed" display="block">
        {time}
      </Text>
    </time>
  );
}
