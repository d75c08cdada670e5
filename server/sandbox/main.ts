import { readSandboxConfig, type SandboxMainConfig } from "./main-config.js";
import { startSandbox } from "./server.js";
import { SANDBOX_OPERATIONS, type SandboxServer } from "./types.js";

// Runs the Heron sandbox on its own: `npm run sandbox`.

function exitWithError(message: string): never {
  console.error(message);
  process.exit(1);
}

let config: SandboxMainConfig;
try {
  config = readSandboxConfig(process.env);
} catch (error) {
  exitWithError((error as Error).message);
}
const { rateLimit } = config;

let sandbox: SandboxServer;
try {
  sandbox = await startSandbox({
    apiKey: config.apiKey,
    host: config.host,
    port: config.port,
    executionStepMs: config.executionStepMs,
    endUsers: config.endUsers,
    rateLimits: rateLimit
      ? Object.fromEntries(SANDBOX_OPERATIONS.map((name) => [name, rateLimit]))
      : undefined,
  });
} catch (error) {
  exitWithError(
    `The Heron sandbox failed to listen on ${config.host}:${config.port} ` +
      `(${(error as Error).message}). Set SANDBOX_PORT to a free port.`,
  );
}

console.log(`Heron sandbox listening on ${sandbox.url}`);
if (config.apiKeyGenerated) {
  console.log(
    `API key for this run (set SANDBOX_API_KEY to choose one): ${config.apiKey}`,
  );
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log(`Heron sandbox stopping on ${signal}`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) =>
        exitWithError(`The Heron sandbox failed to close: ${error}`),
    );
  });
}
