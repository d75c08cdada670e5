import type { IncomingMessage } from "node:http";

/** Larger bodies get 413. Heron does not document its own limit. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  readonly status = 413;

  constructor() {
    super(
      `The request body is larger than the sandbox's limit of ${MAX_BODY_BYTES} bytes. Send a smaller body.`,
    );
  }
}

/** Reads the whole request body as bytes, exactly as the client sent them. */
export async function readRawBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;

  for await (const chunk of request) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += bytes.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
