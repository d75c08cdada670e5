import { ROLES, type Role } from "../../../../server/contract/auth";

const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  viewer: "Viewer: reads the history",
  operator: "Operator: also starts runs",
  admin: "Admin: also manages staff",
};

export const ROLE_OPTIONS = ROLES.map((role) => ({
  value: role,
  label: ROLE_DESCRIPTIONS[role],
}));
