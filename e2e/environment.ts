// Where the end-to-end run puts its own sandbox and console. Fixed loopback
// ports keep the specs simple; E2E_PORT_BASE moves them all.
const portBase = Number(process.env.E2E_PORT_BASE ?? "4700");

export const E2E_CONSOLE_PORT = portBase;
export const E2E_SANDBOX_PORT = portBase + 10;
/** A second console, started by the spec that needs one without a key. */
export const E2E_KEYLESS_CONSOLE_PORT = portBase + 19;
/** A console with a low start limit, started by the spec of that limit. */
export const E2E_LIMITED_CONSOLE_PORT = portBase + 18;
export const E2E_CONSOLE_URL = `http://127.0.0.1:${E2E_CONSOLE_PORT}`;
export const E2E_SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;

/** A made-up key the specs search for in every page, response and log. */
export const SENTINEL_API_KEY = `key_${"5e471e1a".repeat(6)}`;

/** Short, so a hung Heron call becomes a 504 well inside a spec's timeout. */
export const E2E_HERON_TIMEOUT_MS = 3_000;

/**
 * The sandbox's limit for each operation. High, so the suite's own calls
 * never reach it. A spec that needs a real 429 uses the start window up.
 */
export const E2E_SANDBOX_RATE_LIMIT = { limit: 1_000, windowSeconds: 60 };

/**
 * Milliseconds per step of a sandbox execution: pending for one step, then
 * one node per step. A 4-node workflow finishes in 2 s, after the page's
 * first status reads (at once, then 1 s later) and before its third (3 s).
 */
export const E2E_EXECUTION_STEP_MS = 400;

/** Minutes in which a second start of the same pair needs a confirmation. */
export const E2E_DUPLICATE_WINDOW_MINUTES = 10;

/**
 * Starts each staff member may make per second. It is high, so the specs
 * that start runs back to back never reach it. The spec of the limit's
 * message starts a console of its own with a low limit.
 */
export const E2E_START_RATE_LIMIT_PER_SECOND = 1_000;

export const E2E_SERVER_LOG = "test-results/e2e-server.log";
export const E2E_SANDBOX_LOG = "test-results/e2e-sandbox.log";

/** Where specs save a screenshot of each state they reach, for people to look at. */
export const E2E_STATE_SCREENSHOTS = "test-results/e2e-artifacts/states";
