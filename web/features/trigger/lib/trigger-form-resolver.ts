import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldError, FieldErrors, Resolver } from "react-hook-form";
import {
  REASON_REQUIRED_MESSAGE,
  StartRunRequestSchema,
  type StartRunRequest,
} from "../../../../server/contract/runs";
import { parseJsonParameters } from "./parse-json-parameters";
import type {
  TriggerFormContext,
  TriggerFormValues,
} from "./trigger-form-values";

const requestResolver = zodResolver(StartRunRequestSchema);

/**
 * Validates the form with the same schema the server uses. It first builds
 * the request from the form (ids from the picked records, parameters parsed
 * from the editor's text), runs the shared schema on that, then moves each
 * error back onto the form field that produced it. A blank reason is left
 * out, and is an error only when the context marks it as required.
 */
export const triggerFormResolver: Resolver<
  TriggerFormValues,
  TriggerFormContext | undefined,
  StartRunRequest
> = async (values, context, options) => {
  const parsed = parseJsonParameters(values.parameters_text);
  const reason = values.reason.trim();
  const request = {
    end_user_heron_id: values.end_user?.heron_id ?? "",
    workflow_name: values.workflow?.name ?? "",
    workflow_parameters: parsed.ok ? parsed.value : {},
    ...(reason === "" ? {} : { reason }),
  };

  const result = await requestResolver(request, context, {
    criteriaMode: options.criteriaMode,
    fields: {},
    shouldUseNativeValidation: false,
  });

  const errors: FieldErrors<TriggerFormValues> = {};
  const requestErrors = result.errors as Record<string, FieldError | undefined>;

  copyError(requestErrors.end_user_heron_id, "end_user", errors);
  copyError(requestErrors.workflow_name, "workflow", errors);
  copyError(requestErrors.workflow_parameters, "parameters_text", errors);
  copyError(requestErrors.reason, "reason", errors);

  if (reason === "" && context?.reasonRequired) {
    errors.reason = { type: "required", message: REASON_REQUIRED_MESSAGE };
  }

  if (!parsed.ok) {
    errors.parameters_text = { type: "json", message: parsed.problem.message };
  }

  if (Object.keys(errors).length > 0) return { values: {}, errors };

  // zod copies the parameters and its copy drops a "__proto__" key, so the
  // request carries the object JSON.parse made from the staff's text.
  const validated = result.values as StartRunRequest;
  return {
    values: { ...validated, workflow_parameters: request.workflow_parameters },
    errors: {},
  };
};

function copyError(
  source: FieldError | undefined,
  field: keyof TriggerFormValues,
  target: FieldErrors<TriggerFormValues>,
) {
  if (source?.message === undefined) return;

  target[field] = { type: source.type, message: source.message };
}
