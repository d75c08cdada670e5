import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  E2E_CONSOLE_PORT,
  E2E_CONSOLE_URL,
  E2E_DUPLICATE_WINDOW_MINUTES,
  E2E_EXECUTION_STEP_MS,
  E2E_HERON_TIMEOUT_MS,
  E2E_SANDBOX_LOG,
  E2E_SANDBOX_PORT,
  E2E_SANDBOX_RATE_LIMIT,
  E2E_SANDBOX_URL,
  E2E_SERVER_LOG,
  E2E_START_RATE_LIMIT_PER_SECOND,
  SENTINEL_API_KEY,
} from "./environment";
import { startProcess, stopProcess, waitForUrl } from "./processes";
import { createStaffAccounts, saveSignedInStates } from "./staff-accounts";

// Starts the Heron sandbox and the console as real processes, the console
// pointed at the sandbox with a sentinel key, and a fresh SQLite file with
// one staff account per role. Their output goes to files under
// test-results/ so specs can read the logs.

export default async function globalSetup(): Promise<() => Promise<void>> {
  mkdirSync("test-results", { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), "console-e2e-"));
  const started: ChildProcess[] = [];

  const stopAll = async () => {
    for (const child of started.reverse()) await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const sandbox = startProcess(
      "server/sandbox/main.ts",
      {
        ...process.env,
        SANDBOX_HOST: "127.0.0.1",
        SANDBOX_PORT: String(E2E_SANDBOX_PORT),
        SANDBOX_API_KEY: SENTINEL_API_KEY,
        SANDBOX_RATE_LIMIT: `${E2E_SANDBOX_RATE_LIMIT.limit}/${E2E_SANDBOX_RATE_LIMIT.windowSeconds}`,
        SANDBOX_EXECUTION_STEP_MS: String(E2E_EXECUTION_STEP_MS),
      },
      E2E_SANDBOX_LOG,
    );
    started.push(sandbox);
    await waitForUrl(
      `${E2E_SANDBOX_URL}/api/hello_world`,
      sandbox,
      E2E_SANDBOX_LOG,
    );

    // ---- Single sign-on: the test OpenID provider ----
    // Started before the console, which reads the provider's address from
    // OIDC_ISSUER. Its one client sends browsers back to the console's
    // callback. oidcSettings goes into the console's environment below.
    const oidcProviderUrl = `http://127.0.0.1:${E2E_CONSOLE_PORT + 20}`;
    const oidcClientSecret = randomBytes(24).toString("base64url");
    const oidcProvider = startProcess(
      "server/testing/oidc-provider-main.ts",
      {
        ...process.env,
        OIDC_PROVIDER_PORT: new URL(oidcProviderUrl).port,
        OIDC_PROVIDER_REDIRECT_URIS: `${E2E_CONSOLE_URL}/api/auth/oidc/callback`,
        OIDC_PROVIDER_CLIENT_SECRET: oidcClientSecret,
      },
      "test-results/e2e-oidc-provider.log",
    );
    started.push(oidcProvider);
    await waitForUrl(
      `${oidcProviderUrl}/.well-known/openid-configuration`,
      oidcProvider,
      "test-results/e2e-oidc-provider.log",
    );
    const oidcSettings = {
      OIDC_ISSUER: oidcProviderUrl,
      OIDC_CLIENT_ID: "heron-console",
      OIDC_CLIENT_SECRET: oidcClientSecret,
      OIDC_LABEL: "Test SSO",
      OIDC_ALLOW_HTTP: "true",
    };
    // ---- End of single sign-on ----

    const databasePath = path.join(dataDir, "console.sqlite");
    await createStaffAccounts(databasePath);

    const server = startProcess(
      "server/main.ts",
      {
        ...process.env,
        PORT: String(E2E_CONSOLE_PORT),
        HOST: "127.0.0.1",
        HERON_API_KEY: SENTINEL_API_KEY,
        HERON_BASE_URL: E2E_SANDBOX_URL,
        HERON_TIMEOUT_MS: String(E2E_HERON_TIMEOUT_MS),
        DATABASE_PATH: databasePath,
        LOG_LEVEL: "info",
        DUPLICATE_WINDOW_MINUTES: String(E2E_DUPLICATE_WINDOW_MINUTES),
        // Off, so an unknown run changes only when a spec presses "Check
        // again", not when a background check happens to run first.
        RECONCILE_DELAYS_MS: "off",
        START_RATE_LIMIT_PER_SECOND: String(E2E_START_RATE_LIMIT_PER_SECOND),
        ...oidcSettings,
      },
      E2E_SERVER_LOG,
    );
    started.push(server);
    await waitForUrl(`${E2E_CONSOLE_URL}/api/health`, server, E2E_SERVER_LOG);
    await saveSignedInStates(E2E_CONSOLE_URL);
  } catch (error) {
    // A failed start leaves no process behind to hold the ports.
    await stopAll();
    throw error;
  }
  return stopAll;
}
