import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";

import { createApp } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createHeronClient } from "./heron/client.js";
import { createLogger, type Logger } from "./logger.js";
import { startSandbox, type SandboxServer } from "./sandbox/index.js";
import { openStore } from "./store/open-store.js";
import { VERSION } from "./version.js";

/** How long shutdown waits for requests in flight, such as a slow start. */
const SHUTDOWN_GRACE_MS = 10_000;

function readConfig(): Readonly<Config> {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

interface HeronTarget {
  apiKey: string;
  baseUrl: string;
  sandbox: SandboxServer | null;
}

async function startEmbeddedSandbox(
  config: Readonly<Config>,
  logger: Logger,
): Promise<HeronTarget> {
  // A fresh key per start, known only to this process.
  const apiKey = `key_${randomBytes(24).toString("hex")}`;
  const sandbox = await startSandbox({
    apiKey,
    host: "127.0.0.1",
    port: config.sandbox.port,
    ...(config.sandbox.executionStepMs !== null
      ? { executionStepMs: config.sandbox.executionStepMs }
      : {}),
  });
  logger.warn(
    { sandboxUrl: sandbox.url },
    "Sandbox: runs go to the built-in Heron sandbox, not to Heron",
  );
  return { apiKey, baseUrl: sandbox.url, sandbox };
}

function formatUrl(host: string, port: number): string {
  return host.includes(":")
    ? `http://[${host}]:${port}/`
    : `http://${host}:${port}/`;
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({ level: config.logLevel });

  const { apiKey, baseUrl, sandbox } =
    config.heron.apiKey !== null
      ? { ...config.heron, apiKey: config.heron.apiKey, sandbox: null }
      : await startEmbeddedSandbox(config, logger);

  const heron = createHeronClient({
    apiKey,
    baseUrl,
    timeoutMs: config.heron.timeoutMs,
    userAgent: `heron-workflow-console/${VERSION}`,
    logger,
  });
  const store = await openStore(config.databasePath);
  const app = createApp({
    config,
    heron,
    store,
    logger,
    heronMode: sandbox ? "sandbox" : "heron",
  });

  const server = app.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    const url = formatUrl(config.host, port);
    logger.info({ url, version: VERSION }, "Heron Workflow Console listening");
    console.log(`Heron Workflow Console: ${url}`);
  });
  server.on("error", (error) => {
    logger.fatal({ err: error }, "the HTTP server failed");
    process.exit(1);
  });

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: waiting for requests in flight");

    const closed = new Promise<void>((resolve) =>
      server.close(() => resolve()),
    );
    server.closeIdleConnections();
    const grace = setTimeout(() => {
      logger.warn(
        { graceMs: SHUTDOWN_GRACE_MS },
        "closing requests still in flight after the grace period",
      );
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    await closed;
    clearTimeout(grace);

    await store.close();
    await heron.close();
    await sandbox?.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", (signal) => void stop(signal));
  process.on("SIGINT", (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  console.error("The console failed to start:", error);
  process.exit(1);
});
