import { ROLE_RANK, type Role } from "../../contract/auth.js";

/**
 * Returns the highest console role that any of the person's groups maps to,
 * or null when none does. The claim may be a list of group names or a
 * single name.
 */
export function roleFromClaims(
  claims: Readonly<Record<string, unknown>>,
  roleClaim: string,
  roleMap: Readonly<Record<string, Role>>,
): Role | null {
  let best: Role | null = null;
  for (const group of groupsFromClaim(readClaim(claims, roleClaim))) {
    if (!Object.hasOwn(roleMap, group)) continue;
    const role = roleMap[group] as Role;
    if (best === null || ROLE_RANK[role] > ROLE_RANK[best]) best = role;
  }
  return best;
}

// Some providers nest the groups, as Keycloak does in realm_access.roles,
// while others use claim names that contain dots, such as
// https://example.com/groups. The name as a whole is tried first.
function readClaim(
  claims: Readonly<Record<string, unknown>>,
  name: string,
): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];

  let value: unknown = claims;
  for (const part of name.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    if (!Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function groupsFromClaim(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string");
}
