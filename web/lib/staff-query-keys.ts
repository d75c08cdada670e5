/** Query keys for GET /api/staff, which changes when someone starts a first run. */
export const staffKeys = {
  all: ["staff"] as const,
};
