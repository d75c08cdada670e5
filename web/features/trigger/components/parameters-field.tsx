import { Button, Group, Input, Skeleton, Stack, Text } from "@mantine/core";
import { Suspense, lazy, useId, useMemo } from "react";
import { formatJsonText } from "../lib/format-json-text";
import { parseJsonParameters } from "../lib/parse-json-parameters";

const JsonCodeEditor = lazy(() => import("./json-code-editor"));

export const PARAMETERS_LABEL = "Workflow parameters (JSON)";

interface ParametersFieldProps {
  value: string;
  onChange: (text: string) => void;
  onBlur: () => void;
  /** A message from validation or from Heron; shown before the live check. */
  error?: string;
}

/** The parameters editor with its label, Format button and messages. */
export function ParametersField({
  value,
  onChange,
  onBlur,
  error,
}: ParametersFieldProps) {
  const id = useId();
  const parsed = useMemo(() => parseJsonParameters(value), [value]);
  const shownError = error ?? (parsed.ok ? undefined : parsed.problem.message);
  const warnings = parsed.ok ? parsed.warnings : [];
  const warningsId = `${id}-warnings`;
  const describedBy = [
    `${id}-description`,
    shownError ? `${id}-error` : null,
    warnings.length > 0 ? warningsId : null,
  ]
    .filter(Boolean)
    .join(" ");

  function format() {
    const formatted = formatJsonText(value);
    if (formatted !== null) onChange(formatted);
  }

  return (
    <Input.Wrapper
      id={id}
      label={PARAMETERS_LABEL}
      labelElement="div"
      description="A JSON object; {} sends no parameters. Tab moves to the next control, so use Format to indent."
      error={shownError}
      withAsterisk
    >
      <Stack gap={6} mt={6}>
        <div
          style={{
            border: `1px solid var(--mantine-color-${shownError ? "red-7" : "gray-4"})`,
            borderRadius: "var(--mantine-radius-sm)",
            overflow: "hidden",
          }}
        >
          <Suspense fallback={<Skeleton height={160} />}>
            <JsonCodeEditor
              value={value}
              onChange={onChange}
              onBlur={onBlur}
              label={PARAMETERS_LABEL}
              describedBy={describedBy}
              invalid={shownError !== undefined}
            />
          </Suspense>
        </div>
        <Group justify="space-between" align="flex-start">
          <Stack gap={2} id={warningsId}>
            {warnings.map((w) => (
              <Text key={w.from} size="xs" c="orange.9">
                {w.message}
              </Text>
            ))}
          </Stack>
          <Button
            variant="default"
            size="xs"
            onClick={format}
            disabled={!parsed.ok && formatJsonText(value) === null}
          >
            Format
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
