import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import type { PasswordReset } from "../contract/auth.js";
import { errorOf } from "../testing/start-helpers.js";
import {
  cookiePairs,
  startTestServer,
  type TestServer,
} from "../testing/test-server.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Fetches a pre-sign-in cookie and token, then sends every sign-in at once. */
async function signInTogether(
  target: TestServer,
  credentials: { email: string; password: string }[],
): Promise<number[]> {
  const first = await target.anonymous("/api/auth/session");
  const { csrf_token } = (await first.json()) as { csrf_token: string };
  const headers = {
    "content-type": "application/json",
    cookie: cookiePairs(first).join("; "),
    "x-csrf-token": csrf_token,
  };
  const responses = await Promise.all(
    credentials.map((body) =>
      target.anonymous("/api/auth/sign-in", {
        method: "POST",
        headers,
        body: JSON.stringify(body),
      }),
    ),
  );
  return responses.map((response) => response.status);
}

const count = (statuses: number[], status: number) =>
  statuses.filter((each) => each === status).length;

/** Fails `times` sign-ins of `email`, one after another. */
async function failSignIns(target: TestServer, email: string, times: number) {
  for (let index = 0; index < times; index += 1) {
    const [status] = await signInTogether(target, [
      { email, password: "a-wrong-password" },
    ]);
    expect(status).toBe(401);
  }
}

/** Runs `npm run users -- reset-password` against the server's database. */
function resetWithCli(databasePath: string, email: string): Promise<string> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "server/cli/users.ts", "reset-password", email],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", DATABASE_PATH: databasePath },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => {
      const password = /: (\S+)\s*$/.exec(stdout)?.[1];
      if (code === 0 && password) resolve(password);
      else reject(new Error(`The CLI exited ${code}: ${stdout}`));
    }),
  );
}

describe("sign-in throttle under parallel requests", () => {
  it("limits parallel attempts per account", async () => {
    const server = await startTestServer({
      env: { SIGN_IN_FAILURES_PER_ACCOUNT: "5" },
    });
    try {
      const viewer = await server.signIn("viewer");
      const guesses = Array.from({ length: 14 }, (_, index) => ({
        email: viewer.user.email,
        password: `wrong-password-${index}`,
      }));

      const statuses = await signInTogether(server, guesses);

      expect(count(statuses, 401)).toBe(5);
      expect(count(statuses, 429)).toBe(9);
    } finally {
      await server.close();
    }
  });

  it("limits parallel attempts per address", async () => {
    const server = await startTestServer({
      env: { SIGN_IN_FAILURES_PER_ADDRESS: "4" },
    });
    try {
      const guesses = Array.from({ length: 12 }, (_, index) => ({
        email: `guess-${index}@example.test`,
        password: "wrong-password",
      }));

      const statuses = await signInTogether(server, guesses);

      expect(count(statuses, 401)).toBe(4);
      expect(count(statuses, 429)).toBe(8);
    } finally {
      await server.close();
    }
  });
});

describe("password reset and the sign-in lock", () => {
  const env = { SIGN_IN_FAILURES_PER_ACCOUNT: "3" };

  it("admin reset clears the lock", async () => {
    const server = await startTestServer({ env });
    try {
      const viewer = await server.signIn("viewer");
      await failSignIns(server, viewer.user.email, 3);
      const [locked] = await signInTogether(server, [
        { email: viewer.user.email, password: viewer.password },
      ]);
      const reset = await server.request(
        `/api/admin/users/${viewer.user.id}/reset-password`,
        { method: "POST" },
      );
      const { password } = (await reset.json()) as PasswordReset;

      const [after] = await signInTogether(server, [
        { email: viewer.user.email, password },
      ]);

      expect(locked).toBe(429);
      expect(after).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("CLI reset clears the lock", async () => {
    const server = await startTestServer({ env });
    try {
      const viewer = await server.signIn("viewer");
      await failSignIns(server, viewer.user.email, 3);
      const password = await resetWithCli(
        server.databasePath,
        viewer.user.email,
      );

      const [after] = await signInTogether(server, [
        { email: viewer.user.email, password },
      ]);

      expect(after).toBe(200);
    } finally {
      await server.close();
    }
  }, 30_000);

  it("429 suggests a password reset", async () => {
    const server = await startTestServer({ env });
    try {
      const viewer = await server.signIn("viewer");
      await failSignIns(server, viewer.user.email, 3);
      const first = await server.anonymous("/api/auth/session");
      const { csrf_token } = (await first.json()) as { csrf_token: string };
      const locked = await server.anonymous("/api/auth/sign-in", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: cookiePairs(first).join("; "),
          "x-csrf-token": csrf_token,
        },
        body: JSON.stringify({ email: viewer.user.email, password: "x" }),
      });

      expect(locked.status).toBe(429);
      expect((await errorOf(locked)).message).toContain(
        "ask an admin to reset your password",
      );
    } finally {
      await server.close();
    }
  });
});
