import { randomBytes } from "node:crypto";

import { createApp } from "./app.js";
import { announceFirstAdmin, createFirstAdmin } from "./auth/first-admin.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { EndUserDirectory } from "./directory/end-user-directory.js";
import { openDirectoryDatabase } from "./directory/open-directory-database.js";
import { createHeronClient } from "./heron/client.js";
import { listen, type ListeningServer } from "./listen.js";
import { createLogger, type Logger } from "./logger.js";
import { recoverInterruptedRuns } from "./runs/interrupted-runs.js";
import { createRunServices } from "./runs/run-services.js";
import { startSandbox, type SandboxServer } from "./sandbox/index.js";
import { shutDown } from "./shutdown.js";
import { openStore } from "./store/open-store.js";
import { VERSION } from "./version.js";

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
    // The sandbox logs each request at info level, so a console set to log
    // only warnings and errors keeps it quiet too.
    quiet: !["trace", "debug", "info"].includes(config.logLevel),
    ...(config.sandbox.executionStepMs !== null
      ? { executionStepMs: config.sandbox.executionStepMs }
      : {}),
    ...(config.sandbox.endUsers !== null
      ? { endUsers: config.sandbox.endUsers }
      : {}),
  });
  logger.warn(
    { sandboxUrl: sandbox.url },
    "Sandbox: runs go to the built-in Heron sandbox, not to Heron",
  );
  // Also printed plainly, whatever LOG_LEVEL hides.
  console.log(
    `Sandbox: runs go to the built-in Heron sandbox at ${sandbox.url}, ` +
      "not to Heron. Set HERON_API_KEY to use Heron.",
  );
  return { apiKey, baseUrl: sandbox.url, sandbox };
}

function formatUrl(host: string, port: number): string {
  return host.includes(":")
    ? `http://[${host}]:${port}/`
    : `http://${host}:${port}/`;
}

async function listenOrExit(
  config: Readonly<Config>,
  logger: Logger,
): Promise<ListeningServer> {
  try {
    return await listen(config.host, config.port);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, "the console could not listen");
    console.error(message);
    process.exit(1);
  }
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
  const listening = await listenOrExit(config, logger);
  const { server } = listening;

  const store = await openStore(config.databasePath);
  const url = formatUrl(config.host, listening.port);
  const firstAdmin = await createFirstAdmin(store.accounts, config, url);
  if (firstAdmin) announceFirstAdmin(logger, firstAdmin.lines);
  const runServices = createRunServices({ config, heron, store, logger });
  await recoverInterruptedRuns(store, runServices.reconciler, logger);
  const directory = new EndUserDirectory({
    heron,
    db: openDirectoryDatabase(config.databasePath),
    logger,
    ...config.directory,
  });
  const app = createApp({
    config,
    heron,
    store,
    logger,
    heronMode: sandbox ? "sandbox" : "heron",
    runServices,
    directory,
  });
  listening.serve(app);
  directory.start();
  server.on("error", (error) => {
    logger.fatal({ err: error }, "the HTTP server failed");
    process.exit(1);
  });

  logger.info({ url, version: VERSION }, "Heron Workflow Console listening");
  console.log(`Heron Workflow Console: ${url}`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info(
      { signal, graceMs: config.shutdownGraceMs },
      "stopping: waiting for requests in flight",
    );
    try {
      // Before shutDown closes the Heron client that the sync calls through.
      await directory.stop();
      await shutDown({
        server,
        runServices,
        store,
        heron,
        sandbox,
        logger,
        graceMs: config.shutdownGraceMs,
      });
      directory.close();
    } catch (error) {
      logger.fatal({ err: error }, "stopping the console failed");
      process.exit(1);
    }
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
