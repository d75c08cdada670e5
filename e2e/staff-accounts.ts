import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { request } from "@playwright/test";
import { E2E_ACCOUNTS, storageStatePath, type E2eAccount } from "./accounts";
import { signInThroughApi } from "./session-api";

// Creates the specs' staff accounts through the users CLI, as an
// administrator would, and saves one signed-in storage state per role.

const USERS_CLI = "server/cli/users.ts";

/** Adds every account of E2E_ACCOUNTS to the console's database. */
export async function createStaffAccounts(databasePath: string) {
  for (const account of Object.values(E2E_ACCOUNTS)) {
    await addStaffAccount(databasePath, account);
  }
}

/** Signs each account in once and saves its cookies for the specs. */
export async function saveSignedInStates(consoleUrl: string) {
  for (const account of Object.values(E2E_ACCOUNTS)) {
    const file = storageStatePath(account.role);
    mkdirSync(path.dirname(file), { recursive: true });

    const context = await request.newContext({ baseURL: consoleUrl });
    try {
      await signInThroughApi(context, account);
      await context.storageState({ path: file });
    } finally {
      await context.dispose();
    }
  }
}

/** Adds one account with its password, as `npm run users -- add` does. */
export function addStaffAccount(databasePath: string, account: E2eAccount) {
  const args = [
    "add",
    account.email,
    "--role",
    account.role,
    "--name",
    account.displayName,
    "--password-stdin",
    // The specs add accounts before the console first opens the database.
    "--create",
  ];
  return runUsersCli(args, databasePath, `${account.password}\n`);
}

/** Runs the users CLI and rejects with its output when it exits with an error. */
function runUsersCli(
  args: string[],
  databasePath: string,
  input: string,
): Promise<void> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", USERS_CLI, ...args],
    {
      env: { ...process.env, DATABASE_PATH: databasePath, LOG_LEVEL: "warn" },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(input);

  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) return resolve();
      reject(
        new Error(
          `npx tsx ${USERS_CLI} ${args.join(" ")} exited with code ${code}: ` +
            output.trim(),
        ),
      );
    });
  });
}
