import { randomUUID } from "node:crypto";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ListeningServer {
  server: Server;
  port: number;
  /** Hands requests to `app` from now on; until then they get a 503. */
  serve(app: RequestListener): void;
}

/**
 * Binds HOST:PORT before the console touches its database, so a second
 * console started on a busy port stops with a clear message instead of
 * first rewriting the other console's runs. Requests that arrive before
 * `serve` is called get a 503 stating that the console is starting.
 */
export async function listen(
  host: string,
  port: number,
): Promise<ListeningServer> {
  let handler: RequestListener | null = null;
  const server = createServer((req, res) => {
    if (handler) {
      handler(req, res);
      return;
    }
    res.writeHead(503, {
      "content-type": "application/json",
      "retry-after": "1",
    });
    res.end(
      JSON.stringify({
        error: {
          code: "starting",
          message: "The console is starting. Try again in a second.",
          requestId: randomUUID(),
        },
      }),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(describeListenError(error, host, port));
    });
    server.listen(port, host, () => resolve());
  });

  return {
    server,
    port: (server.address() as AddressInfo).port,
    serve(app) {
      handler = app;
    },
  };
}

function describeListenError(
  error: NodeJS.ErrnoException,
  host: string,
  port: number,
): Error {
  const where = `${host}:${port}`;
  if (error.code === "EADDRINUSE") {
    return new Error(
      `Port ${port} on ${host} is already in use, perhaps by another ` +
        "console. Stop that program, or set PORT to a free port.",
      { cause: error },
    );
  }
  if (error.code === "EACCES") {
    return new Error(
      `The console may not listen on ${where}. Choose a PORT above 1023 ` +
        "or run it with the needed permission.",
      { cause: error },
    );
  }
  if (error.code === "EADDRNOTAVAIL") {
    return new Error(
      `${host} is not an address of this machine. Set HOST to one of its ` +
        "addresses, such as 127.0.0.1.",
      { cause: error },
    );
  }
  return new Error(`Listening on ${where} failed: ${error.message}`, {
    cause: error,
  });
}
