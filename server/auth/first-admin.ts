import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { AccountStore } from "../store/account-store.js";
import { createLocalUser } from "./users.js";

export const FIRST_ADMIN_EMAIL = "admin@localhost";

/**
 * Creates admin@localhost with a random password when the database has no
 * account and single sign-on is off, so a fresh install can be signed in to.
 * Returns the lines to print once, or null when nothing was created.
 */
export async function createFirstAdmin(
  accounts: AccountStore,
  config: Readonly<Config>,
  url: string,
): Promise<{ password: string; lines: string[] } | null> {
  if (config.oidc !== null) return null;
  if ((await accounts.countUsers()) > 0) return null;

  const result = await createLocalUser(
    accounts,
    {
      email: FIRST_ADMIN_EMAIL,
      displayName: "Administrator",
      role: "admin",
      password: null,
    },
    { detail: { first_start: true } },
  );
  if (result.kind !== "created" || result.generatedPassword === null) {
    return null;
  }
  const password = result.generatedPassword;
  return {
    password,
    lines: [
      "First start: the console created an admin account.",
      `  Open:     ${url}`,
      `  Email:    ${FIRST_ADMIN_EMAIL}`,
      `  Password: ${password}`,
      "The password is shown only this once. To set a new one, run:",
      `  npm run users -- reset-password ${FIRST_ADMIN_EMAIL}`,
    ],
  };
}

/**
 * Prints the first admin's sign-in details on standard output and logs that
 * the account was created. The password stays out of the log because logs
 * are often kept and shipped elsewhere, and redaction covers only fields
 * named password, not message text.
 */
export function announceFirstAdmin(logger: Logger, lines: string[]): void {
  console.log(lines.join("\n"));
  logger.warn(
    { email: FIRST_ADMIN_EMAIL },
    `First start: the console created the admin account ` +
      `${FIRST_ADMIN_EMAIL}. Its password was printed once on standard ` +
      `output, not in this log. To set a new one, run: npm run users -- ` +
      `reset-password ${FIRST_ADMIN_EMAIL}`,
  );
}
