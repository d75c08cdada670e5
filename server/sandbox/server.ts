import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { buildSandbox } from "./app.js";
import type { SandboxOptions, SandboxServer } from "./types.js";

/** Starts the sandbox on loopback (by default on a free port). */
export async function startSandbox(
  options: SandboxOptions,
): Promise<SandboxServer> {
  const { app, control, dispose } = buildSandbox(options);
  const server = createServer(app);
  const host = options.host ?? "127.0.0.1";

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      dispose();
      server.close((error) => (error ? reject(error) : resolve()));
      // Hung and keep-alive connections would otherwise hold close() open.
      server.closeAllConnections();
    });
    return closing;
  };

  return { url: `http://${urlHost}:${port}`, port, control, close };
}
