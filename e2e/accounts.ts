import path from "node:path";

// The staff accounts global setup creates before the console starts, one
// per role. Each one signs in once through the API and its cookies are
// saved as a Playwright storage state, which specs load with
// test.use({ storageState: storageStatePath("viewer") }).

export type E2eRole = "viewer" | "operator" | "admin";

export interface E2eAccount {
  role: E2eRole;
  email: string;
  displayName: string;
  password: string;
}

export const E2E_ACCOUNTS: Record<E2eRole, E2eAccount> = {
  viewer: {
    role: "viewer",
    email: "viewer@e2e.example",
    displayName: "Vera Viewer",
    password: "viewer-e2e-password-7f3a",
  },
  operator: {
    role: "operator",
    email: "operator@e2e.example",
    displayName: "Omar Operator",
    password: "operator-e2e-password-9c1d",
  },
  admin: {
    role: "admin",
    email: "admin@e2e.example",
    displayName: "Ada Admin",
    password: "admin-e2e-password-4b8e",
  },
};

const STORAGE_STATE_DIR = "test-results/.auth";

/** Returns the storage state file of a role's signed-in session. */
export function storageStatePath(role: E2eRole): string {
  return path.join(STORAGE_STATE_DIR, `${role}.json`);
}

/** A storage state with no cookies, for specs that sign in themselves. */
export const SIGNED_OUT_STATE = { cookies: [], origins: [] };
