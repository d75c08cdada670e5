import { STATUS_CODES } from "node:http";
import type { Response } from "express";

/** Heron's error body: status, message or field errors, reason phrase. */
export interface HeronErrorEnvelope {
  code: number;
  description: unknown;
  name: string;
}

export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? "Unknown Status";
}

export function buildEnvelope(
  status: number,
  description: unknown,
): HeronErrorEnvelope {
  return { code: status, description, name: reasonPhrase(status) };
}

export function sendEnvelope(
  res: Response,
  status: number,
  description: unknown,
): void {
  res.status(status).json(buildEnvelope(status, description));
}

/** Sends a 422 whose description nests field errors under their location. */
export function sendValidationErrors(
  res: Response,
  location: "json" | "querystring",
  errors: Record<string, unknown>,
): void {
  sendEnvelope(res, 422, { [location]: errors });
}
