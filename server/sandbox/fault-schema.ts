import { z } from "zod";
import { SANDBOX_OPERATIONS, type FaultSpec } from "./types.js";

const MAX_LATENCY_MS = 600_000;

export const FaultSpecSchema = z
  .strictObject({
    operation: z.enum([...SANDBOX_OPERATIONS, "*"], {
      error: `operation must be one of ${SANDBOX_OPERATIONS.join(", ")} or "*".`,
    }),
    latencyMs: z.number().int().min(0).max(MAX_LATENCY_MS).optional(),
    respond: z
      .strictObject({
        status: z.number().int().min(200).max(599),
        format: z.enum(["envelope", "html"]),
        description: z.unknown().optional(),
      })
      .optional(),
    hang: z.boolean().optional(),
    closeAfterRead: z.boolean().optional(),
    malformedJson: z.boolean().optional(),
    times: z.number().int().min(1).optional(),
  })
  .superRefine((fault, context) => {
    const effects = [
      fault.respond !== undefined && "respond",
      fault.hang === true && "hang",
      fault.closeAfterRead === true && "closeAfterRead",
      fault.malformedJson === true && "malformedJson",
    ].filter((effect) => effect !== false);

    if (effects.length > 1) {
      context.addIssue({
        code: "custom",
        message: `Choose one of ${effects.join(", ")}; a fault has at most one effect.`,
      });
    }
    if (effects.length === 0 && fault.latencyMs === undefined) {
      context.addIssue({
        code: "custom",
        message:
          "A fault needs latencyMs or one of respond, hang, closeAfterRead, malformedJson.",
      });
    }
  });

/** Validates a fault, throwing an Error that lists every problem found. */
export function parseFaultSpec(input: unknown): FaultSpec {
  const result = FaultSpecSchema.safeParse(input);
  if (!result.success) {
    throw new Error(`Invalid fault: ${describeIssues(result.error)}`);
  }
  return result.data;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
      return where + issue.message;
    })
    .join(" ");
}
