export const adminKeys = {
  all: ["admin"] as const,
  users: () => [...adminKeys.all, "users"] as const,
  audit: () => [...adminKeys.all, "audit"] as const,
};
