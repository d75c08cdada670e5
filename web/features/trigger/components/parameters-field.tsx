import { Button, Group, Input, Skeleton, Stack } from "@mantine/core";
import { Suspense, useId, useMemo } from "react";
import { LazyPartBoundary } from "../../../components/lazy-part-boundary";
import { lazyPart } from "../../../components/lazy-part";
import { formatJsonText } from "../lib/format-json-text";
import { parseJsonParameters } from "../lib/parse-json-parameters";

const JsonCodeEditor = lazyPart(() => import("./json-code-editor"));

export const PARAMETERS_LABEL = "Workflow parameters (JSON)";

interface ParametersFieldProps {
  value: string;
  onChange: (text: string) => void;
  onBlur: () => void;
  /** Message from validation or from Heron, shown in place of the live JSON check. */
  error?: string;
}

/** Renders the parameters editor with its label, Format button and messages. */
export function ParametersField({
  value,
  onChange,
  onBlur,
  error,
}: ParametersFieldProps) {
  const id = useId();
  const parsed = useMemo(() => parseJsonParameters(value), [value]);
  const formatted = useMemo(() => formatJsonText(value), [value]);
  const shownError = error ?? (parsed.ok ? undefined : parsed.problem.message);
  const describedBy = shownError
    ? `${id}-description ${id}-error`
    : `${id}-description`;

  function format() {
    if (formatted !== null) onChange(formatted);
  }

  return (
    <Input.Wrapper
      id={id}
      label={PARAMETERS_LABEL}
      labelElement="div"
      description="A JSON object, or {} for no parameters. Tab moves to the next control, so use Format to indent."
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
          <LazyPartBoundary part="The parameters editor">
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
          </LazyPartBoundary>
        </div>
        <Group justify="flex-end">
          <Button
            variant="default"
            size="xs"
            onClick={format}
            disabled={formatted === null}
          >
            Format
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
