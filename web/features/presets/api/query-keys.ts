export const presetKeys = {
  all: ["presets"] as const,
  lists: () => [...presetKeys.all, "list"] as const,
  list: (workflowName: string) =>
    [...presetKeys.lists(), workflowName] as const,
};
