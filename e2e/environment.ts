// Where the end-to-end run puts its own sandbox and console. Fixed loopback
// ports keep the specs simple; E2E_PORT_BASE moves them all.
const portBase = Number(process.env.E2E_PORT_BASE ?? "4700");

export const E2E_CONSOLE_PORT = portBase;
export const E2E_SANDBOX_PORT = portBase + 10;
export const E2E_CONSOLE_URL = `http://127.0.0.1:${E2E_CONSOLE_PORT}`;
export const E2E_SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;

/** A made-up key the specs search for in every page, response and log. */
export const SENTINEL_API_KEY = `key_${"5e471e1a".repeat(6)}`;

/** Short, so a hung Heron call becomes a 504 well inside a spec's timeout. */
export const E2E_HERON_TIMEOUT_MS = 3_000;

export const E2E_SERVER_LOG = "test-results/e2e-server.log";
export const E2E_SANDBOX_LOG = "test-results/e2e-sandbox.log";
