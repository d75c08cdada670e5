import { ROLE_RANK, type Role } from "../../../../server/contract/auth";

/**
 * Tells whether a role may do what `needed` may. Roles rank viewer, then
 * operator, then admin.
 */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  viewer: "Viewer",
  operator: "Operator",
  admin: "Admin",
};
