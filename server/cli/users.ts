import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { text } from "node:stream/consumers";

import { ConfigError, loadConfig } from "../config.js";
import {
  EmailSchema,
  NewPasswordSchema,
  ROLES,
  RoleSchema,
  type Role,
} from "../contract/auth.js";
import { generatePassword, hashPassword } from "../auth/passwords.js";
import { createLocalUser, nameFromEmail } from "../auth/users.js";
import { openStore } from "../store/open-store.js";
import type {
  AccountStore,
  NewAuditEvent,
  UserChange,
  UserRecord,
} from "../store/account-store.js";

// Manages staff accounts from a shell on the console's machine, in the
// database DATABASE_PATH names. It is how the first admin is recovered, so
// it needs no sign-in and may change any account.

const USAGE = `Usage: npm run users -- <command>

Commands:
  add <email> --role <role> [--name "<display name>"] [--password-stdin]
      [--create]
      Creates a local account. Prints a generated password once, unless
      --password-stdin reads one (at least 12 characters) from standard input.
      --create makes the database first when DATABASE_PATH names none, to
      add accounts before the console's first start.
  list
      Lists every account.
  set-role <email> <role>
  disable <email>       Also ends all of the account's sessions.
  enable <email>
  reset-password <email>
      Prints a new generated password once and ends the account's sessions.

Roles: ${ROLES.join(", ")}. DATABASE_PATH chooses the database, as for the
server (default ./data/console.sqlite). Every command but add --create
refuses a DATABASE_PATH where no database exists.`;

/** An error whose message is meant for the person at the shell. */
class UsageError extends Error {}

/**
 * The origin of the tool's audit events. There is no signed-in account at a
 * shell, so the events name the operating-system user who ran the tool.
 */
const CLI_AUDIT: Pick<NewAuditEvent, "actor_email" | "detail"> = {
  actor_email: null,
  detail: { via: "cli", os_user: osUserName() },
};

/** Returns the name of the operating-system user, or null when it is unknown. */
function osUserName(): string | null {
  try {
    return userInfo().username;
  } catch {
    // userInfo() throws when the user id has no entry in the password file,
    // as in some containers.
    return null;
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean" },
      create: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    console.log(USAGE);
    if (command === undefined && !values.help) process.exitCode = 1;
    return;
  }

  const config = loadConfig(process.env);
  if (!(command === "add" && values.create === true)) {
    requireDatabase(config.databasePath);
  }
  const store = await openStore(config.databasePath);
  try {
    const accounts = store.accounts;
    switch (command) {
      case "add":
        return await addUser(accounts, arg(rest, 0, "email"), {
          role: parseRole(values.role, "--role"),
          name: values.name,
          passwordFromStdin: values["password-stdin"] === true,
        });
      case "list":
        return listUsers(await accounts.listUsers());
      case "set-role":
        return await changeUser(accounts, arg(rest, 0, "email"), (user) => {
          const role = parseRole(arg(rest, 1, "role"), "role");
          if (role === user.role) return `already has the role ${role}`;
          return {
            change: { role },
            audit: [
              {
                kind: "user_changed",
                detail: { before: { role: user.role }, after: { role } },
              },
            ],
          };
        });
      case "disable":
        return await changeUser(accounts, arg(rest, 0, "email"), (user) =>
          user.disabled_at
            ? "is already disabled"
            : {
                change: { disabled_at: new Date().toISOString() },
                endSessions: true,
                audit: [{ kind: "user_disabled" }],
              },
        );
      case "enable":
        return await changeUser(accounts, arg(rest, 0, "email"), (user) =>
          user.disabled_at
            ? {
                change: { disabled_at: null },
                audit: [{ kind: "user_enabled" }],
              }
            : "is already enabled",
        );
      case "reset-password":
        return await resetPassword(accounts, arg(rest, 0, "email"));
      default:
        throw new UsageError(
          `Unknown command "${command}". Run npm run users -- --help for the list.`,
        );
    }
  } finally {
    await store.close();
  }
}

/**
 * Stops a mistyped DATABASE_PATH from quietly creating an empty database,
 * where changes would never reach the console.
 */
function requireDatabase(path: string): void {
  if (existsSync(path)) return;
  throw new UsageError(
    `No console database at ${path}. Check DATABASE_PATH, or start the ` +
      "console once to create it.",
  );
}

function arg(rest: string[], index: number, name: string): string {
  const value = rest[index];
  if (value === undefined) {
    throw new UsageError(`Give the ${name}. Run npm run users -- --help.`);
  }
  return value;
}

function parseEmail(email: string): string {
  const parsed = EmailSchema.safeParse(email);
  if (!parsed.success) {
    throw new UsageError(`"${email}" is not an email address.`);
  }
  return parsed.data;
}

function parseRole(role: string | undefined, name: string): Role {
  const parsed = RoleSchema.safeParse(role);
  if (!parsed.success) {
    const shown = role === undefined ? "missing" : `"${role}"`;
    throw new UsageError(
      `The ${name} is ${shown}; give one of ${ROLES.join(", ")}.`,
    );
  }
  return parsed.data;
}

async function addUser(
  accounts: AccountStore,
  emailText: string,
  options: { role: Role; name: string | undefined; passwordFromStdin: boolean },
): Promise<void> {
  const email = parseEmail(emailText);
  let password: string | null = null;
  if (options.passwordFromStdin) {
    const input = (await text(process.stdin)).replace(/\r?\n$/, "");
    const parsed = NewPasswordSchema.safeParse(input);
    if (!parsed.success) {
      throw new UsageError(
        `The password from standard input is not usable: ${parsed.error.issues[0]?.message}`,
      );
    }
    password = parsed.data;
  }

  const displayName = options.name?.trim() || nameFromEmail(email);
  const result = await createLocalUser(
    accounts,
    { email, displayName, role: options.role, password },
    CLI_AUDIT,
  );
  if (result.kind === "email_taken") {
    throw new UsageError(
      `An account with the email ${email} already exists. Use set-role or ` +
        "reset-password to change it.",
    );
  }
  console.log(`Created ${email} (${options.role}).`);
  if (result.generatedPassword !== null) {
    console.log(`Password (shown only once): ${result.generatedPassword}`);
  }
}

function listUsers(users: UserRecord[]): void {
  if (users.length === 0) {
    console.log(
      "No accounts yet. Add one with: npm run users -- add <email> --role admin",
    );
    return;
  }
  const rows = users.map((user) => [
    user.email,
    user.role,
    user.disabled_at ? "disabled" : "enabled",
    user.oidc_issuer ? "single sign-on" : "local",
    user.last_sign_in_at ?? "never signed in",
    user.display_name,
  ]);
  const header = ["EMAIL", "ROLE", "STATUS", "SIGN-IN", "LAST SIGN-IN", "NAME"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  for (const row of [header, ...rows]) {
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    );
  }
}

interface CliChange {
  change: UserChange;
  endSessions?: boolean;
  audit: Pick<NewAuditEvent, "kind" | "detail">[];
}

/**
 * Applies the change that `plan` returns for the account, with its audit
 * events. A plan may return text instead, such as "is already disabled",
 * when the account needs no change: that is printed and nothing is recorded.
 */
async function changeUser(
  accounts: AccountStore,
  emailText: string,
  plan: (user: UserRecord) => CliChange | string,
): Promise<void> {
  const user = await findByEmail(accounts, emailText);
  const planned = plan(user);
  if (typeof planned === "string") {
    console.log(`${user.email} ${planned}; nothing changed.`);
    return;
  }
  const { change, endSessions = false, audit } = planned;
  await keepAnAdmin(accounts, user, change);
  const updated = await accounts.updateUser(user.id, change, {
    endSessions,
    audit: audit.map((event) => ({
      ...CLI_AUDIT,
      ...event,
      detail: { ...CLI_AUDIT.detail, ...event.detail },
      target_user_id: user.id,
    })),
  });
  if (!updated) throw new UsageError(`${user.email} was deleted meanwhile.`);
  const status = updated.disabled_at ? "disabled" : "enabled";
  console.log(`${updated.email}: role ${updated.role}, ${status}.`);
}

/**
 * Rejects a change that would leave no enabled admin, because then nobody
 * could manage accounts from the page.
 */
async function keepAnAdmin(
  accounts: AccountStore,
  user: UserRecord,
  change: UserChange,
): Promise<void> {
  const isAdminNow = user.role === "admin" && user.disabled_at === null;
  const staysAdmin =
    (change.role ?? user.role) === "admin" &&
    (change.disabled_at === undefined
      ? user.disabled_at === null
      : change.disabled_at === null);
  if (!isAdminNow || staysAdmin) return;

  const otherAdmins = (await accounts.listUsers()).filter(
    (other) =>
      other.id !== user.id &&
      other.role === "admin" &&
      other.disabled_at === null,
  );
  if (otherAdmins.length > 0) return;
  throw new UsageError(
    `${user.email} is the only enabled admin, so nobody could manage ` +
      "accounts after this change. Make another account admin first " +
      "(npm run users -- set-role <email> admin).",
  );
}

async function resetPassword(
  accounts: AccountStore,
  emailText: string,
): Promise<void> {
  const user = await findByEmail(accounts, emailText);
  if (user.oidc_issuer !== null) {
    throw new UsageError(
      `${user.email} signs in through single sign-on and has no password ` +
        "here. Reset it at the identity provider.",
    );
  }
  const password = generatePassword();
  await accounts.updateUser(
    user.id,
    { password_hash: await hashPassword(password) },
    {
      endSessions: true,
      audit: [
        { ...CLI_AUDIT, kind: "password_reset", target_user_id: user.id },
      ],
    },
  );
  console.log(`New password for ${user.email} (shown only once): ${password}`);
}

async function findByEmail(
  accounts: AccountStore,
  emailText: string,
): Promise<UserRecord> {
  const email = parseEmail(emailText);
  const user = await accounts.findUserByEmail(email);
  if (!user) {
    throw new UsageError(
      `No account has the email ${email}. Run npm run users -- list to see them.`,
    );
  }
  return user;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof TypeError && "code" in error) {
    // parseArgs reports unknown options and missing values this way.
    console.error(`${error.message}. Run npm run users -- --help.`);
  } else {
    console.error("The users command failed:", error);
  }
  process.exitCode = 1;
});
