import { z } from "zod";

// Checks on the parts of Heron's 2xx bodies that the console reads. The
// types come from spec/openapi.d.ts; these only decide whether a body is usable.
// Unknown fields pass through untouched.

const EndUserShape = z.looseObject({
  end_user_id: z.string(),
  heron_id: z.string().optional(),
  name: z.string().nullish(),
  status: z.string().nullish(),
});

export const EndUserListShape = z.looseObject({
  _meta: z.looseObject({ total: z.number().optional() }).optional(),
  end_users: z.array(EndUserShape).optional(),
});

export const EndUserResponseShape = z.looseObject({
  end_user: EndUserShape.optional(),
});

export const WorkflowListShape = z.array(
  z.looseObject({
    heron_id: z.string().optional(),
    name: z.string().optional(),
    is_default: z.boolean().optional(),
    dashboard_trigger_enabled: z.boolean().optional(),
    dashboard_trigger_label: z.string().nullish(),
    owners: z
      .looseObject({
        user_email: z.array(z.string()).optional(),
        group_slack_name: z.array(z.string()).optional(),
      })
      .nullish(),
  }),
);

export const StartResponseShape = z.looseObject({
  action: z.string().optional(),
  status: z.string().optional(),
  workflow_execution_id: z.string().optional(),
  workflow_id: z.string().optional(),
});

export const ExecutionStatusShape = z.looseObject({
  status: z.string().optional(),
  nodes: z.record(z.string(), z.unknown()).optional(),
});

export const ExecutionListShape = z.array(
  z.looseObject({ heron_id: z.string().optional() }),
);

export const HelloShape = z.looseObject({ hello: z.string().optional() });
