import type { CookieOptions, Request } from "express";

/** Reads one cookie from the Cookie header; undefined when absent. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Options of the session cookie. `req.secure` is true for HTTPS, and behind
 * a proxy trusted through TRUST_PROXY for X-Forwarded-Proto: https.
 */
export function sessionCookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: "lax", path: "/", secure: req.secure };
}

/** Options of the pre-sign-in CSRF cookie, sent to this site only. */
export function preSessionCookieOptions(req: Request): CookieOptions {
  return {
    httpOnly: true,
    sameSite: "strict",
    path: "/api/auth",
    secure: req.secure,
    maxAge: 60 * 60 * 1000,
  };
}
