import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { verifyPassword } from "../auth/passwords.js";
import { openStore } from "../store/open-store.js";
import type { RunStore } from "../store/run-store.js";
import { makeTempDir } from "../testing/test-server.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const tempDir = makeTempDir();
const databasePath = join(tempDir.path, "cli", "console.sqlite");

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the users command as its own process, as npm run users does. */
function runCli(
  args: string[],
  stdin = "",
  database = databasePath,
): Promise<CliResult> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "server/cli/users.ts", ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", DATABASE_PATH: database },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) =>
    child.on("exit", (code) => resolve({ code, stdout, stderr })),
  );
}

async function withStore<T>(use: (store: RunStore) => Promise<T>): Promise<T> {
  const store = await openStore(databasePath);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const findUser = (email: string) =>
  withStore((store) => store.accounts.findUserByEmail(email));

beforeAll(async () => {
  // Opening the store creates the database, as the console's first start does.
  await withStore(async () => undefined);
}, 60_000);

afterAll(() => {
  tempDir.remove();
});

// Each command starts its own tsx process, slow on a busy machine.
describe("npm run users", { timeout: 60_000 }, () => {
  it("add prints a generated password that works", async () => {
    const result = await runCli([
      "add",
      "Ops@Example.test",
      "--role",
      "operator",
      "--name",
      "Ops Person",
    ]);
    const [, password = ""] =
      /Password \(shown only once\): (\S+)/.exec(result.stdout) ?? [];
    const user = await findUser("ops@example.test");

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Created ops@example.test (operator).");
    expect(user?.role).toBe("operator");
    expect(user?.display_name).toBe("Ops Person");
    expect(await verifyPassword(password, user?.password_hash ?? "")).toBe(
      true,
    );
  });

  it("add reads a password from standard input", async () => {
    const result = await runCli(
      ["add", "stdin@example.test", "--role", "viewer", "--password-stdin"],
      "a password from stdin\n",
    );
    const user = await findUser("stdin@example.test");

    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("Password");
    expect(
      await verifyPassword("a password from stdin", user?.password_hash ?? ""),
    ).toBe(true);
  });

  it("add rejects a short password, a bad role and a taken email", async () => {
    const short = await runCli(
      ["add", "short@example.test", "--role", "viewer", "--password-stdin"],
      "short\n",
    );
    const badRole = await runCli(["add", "x@example.test", "--role", "boss"]);
    const taken = await runCli(["add", "ops@example.test", "--role", "admin"]);

    expect(short.code).toBe(1);
    expect(short.stderr).toContain("at least 12 characters");
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain(
      'The --role is "boss"; give one of viewer, operator, admin.',
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("ops@example.test already exists");
  });

  it("list shows every account", async () => {
    const result = await runCli(["list"]);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^EMAIL +ROLE +STATUS/);
    expect(result.stdout).toMatch(
      /ops@example\.test +operator +enabled +local/,
    );
    expect(result.stdout).toContain("stdin@example.test");
  });

  it("set-role changes the role", async () => {
    const result = await runCli(["set-role", "ops@example.test", "admin"]);
    const bad = await runCli(["set-role", "ops@example.test", "root"]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("ops@example.test: role admin, enabled.");
    expect((await findUser("ops@example.test"))?.role).toBe("admin");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('The role is "root"');
  });

  it("disable and enable switch the account", async () => {
    const disabled = await runCli(["disable", "stdin@example.test"]);
    const whileDisabled = await findUser("stdin@example.test");
    const enabled = await runCli(["enable", "stdin@example.test"]);

    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toContain("disabled.");
    expect(whileDisabled?.disabled_at).not.toBeNull();
    expect(enabled.code).toBe(0);
    expect((await findUser("stdin@example.test"))?.disabled_at).toBeNull();
  });

  it("changes nothing that is already so", async () => {
    const count = async () =>
      (
        await withStore((store) =>
          store.accounts.listAudit({ before: null, limit: 200 }),
        )
      ).events.length;
    const before = await count();

    const sameRole = await runCli(["set-role", "ops@example.test", "admin"]);
    const enabledAgain = await runCli(["enable", "stdin@example.test"]);

    expect(sameRole.code).toBe(0);
    expect(sameRole.stdout).toContain(
      "ops@example.test already has the role admin; nothing changed.",
    );
    expect(enabledAgain.code).toBe(0);
    expect(enabledAgain.stdout).toContain(
      "stdin@example.test is already enabled; nothing changed.",
    );
    expect(await count()).toBe(before);
  });

  it("reset-password prints a new password that works", async () => {
    const result = await runCli(["reset-password", "stdin@example.test"]);
    const [, password = ""] = /once\): (\S+)/.exec(result.stdout) ?? [];
    const user = await findUser("stdin@example.test");

    expect(result.code).toBe(0);
    expect(await verifyPassword(password, user?.password_hash ?? "")).toBe(
      true,
    );
    expect(
      await verifyPassword("a password from stdin", user?.password_hash ?? ""),
    ).toBe(false);
  });

  it("records its changes in the audit trail", async () => {
    const { events } = await withStore((store) =>
      store.accounts.listAudit({ before: null, limit: 50 }),
    );
    const kinds = events.map((event) => event.kind);

    expect(kinds).toContain("user_created");
    expect(kinds).toContain("user_changed");
    expect(kinds).toContain("user_disabled");
    expect(kinds).toContain("user_enabled");
    expect(kinds).toContain("password_reset");
    const roleChange = events.find((event) => event.kind === "user_changed");
    expect(roleChange?.detail).toMatchObject({
      before: { role: "operator" },
      after: { role: "admin" },
    });
    for (const event of events) {
      expect(event.detail).toMatchObject({
        via: "cli",
        os_user: userInfo().username,
      });
    }
  });

  it("keeps at least one enabled admin", async () => {
    const demote = await runCli(["set-role", "ops@example.test", "viewer"]);
    const disable = await runCli(["disable", "ops@example.test"]);
    const promote = await runCli(["set-role", "stdin@example.test", "admin"]);
    const demoteNow = await runCli(["set-role", "ops@example.test", "viewer"]);

    expect(demote.code).toBe(1);
    expect(demote.stderr).toContain(
      "ops@example.test is the only enabled admin",
    );
    expect(disable.code).toBe(1);
    expect((await findUser("ops@example.test"))?.disabled_at).toBeNull();
    expect(promote.code).toBe(0);
    expect(demoteNow.code).toBe(0);
    expect((await findUser("ops@example.test"))?.role).toBe("viewer");
  });

  it("exits 1 for an unknown email, command or missing argument", async () => {
    const unknownEmail = await runCli(["disable", "ghost@example.test"]);
    const unknownCommand = await runCli(["remove", "ops@example.test"]);
    const missing = await runCli(["reset-password"]);
    const badOption = await runCli(["list", "--colour"]);

    expect(unknownEmail.code).toBe(1);
    expect(unknownEmail.stderr).toContain(
      "No account has the email ghost@example.test",
    );
    expect(unknownCommand.code).toBe(1);
    expect(unknownCommand.stderr).toContain('Unknown command "remove"');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Give the email.");
    expect(badOption.code).toBe(1);
    expect(badOption.stderr).toContain("--colour");
  });

  it("rejects a missing database", async () => {
    const missing = join(tempDir.path, "typo", "console.sqlite");
    const list = await runCli(["list"], "", missing);
    const add = await runCli(["add", "new@example.test", "--role", "viewer"]);
    const addElsewhere = await runCli(
      ["add", "new@example.test", "--role", "viewer"],
      "",
      missing,
    );

    expect(list.code).toBe(1);
    expect(list.stderr).toContain(
      `No console database at ${missing}. Check DATABASE_PATH, or start ` +
        "the console once to create it.",
    );
    expect(add.code).toBe(0);
    expect(addElsewhere.code).toBe(1);
    expect(existsSync(missing)).toBe(false);
  });

  it("add --create makes the database first", async () => {
    const fresh = join(tempDir.path, "fresh", "console.sqlite");
    const result = await runCli(
      ["add", "first@example.test", "--role", "admin", "--create"],
      "",
      fresh,
    );

    expect(result.code).toBe(0);
    expect(existsSync(fresh)).toBe(true);
  });

  it("prints usage for --help", async () => {
    const result = await runCli(["--help"]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: npm run users -- <command>");
  });
});
