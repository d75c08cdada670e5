import type { APIRequestContext } from "@playwright/test";
import type { E2eAccount } from "./accounts";

// Signing in and reading the CSRF token over the console's own API, for
// global setup and for specs that call the API outside the page.

interface SessionBody {
  signed_in: boolean;
  csrf_token: string;
}

/**
 * Reads the CSRF token of the request context's session. Signed out, the
 * same call sets the short-lived cookie that the sign-in request needs.
 */
export async function readCsrfToken(
  request: APIRequestContext,
): Promise<string> {
  const response = await request.get("/api/auth/session");
  if (!response.ok()) {
    throw new Error(
      `GET /api/auth/session failed with ${response.status()}: ` +
        (await response.text()),
    );
  }
  return ((await response.json()) as SessionBody).csrf_token;
}

/** Headers that let a request context's POST, PATCH or DELETE through. */
export async function csrfHeaders(
  request: APIRequestContext,
): Promise<Record<string, string>> {
  return { "x-csrf-token": await readCsrfToken(request) };
}

/** Signs the request context in, so its cookies carry the new session. */
export async function signInThroughApi(
  request: APIRequestContext,
  account: E2eAccount,
): Promise<void> {
  const response = await request.post("/api/auth/sign-in", {
    data: { email: account.email, password: account.password },
    headers: await csrfHeaders(request),
  });
  if (!response.ok()) {
    throw new Error(
      `Signing in as ${account.email} failed with ${response.status()}: ` +
        `${await response.text()}. Check that global setup created the ` +
        "account with this password.",
    );
  }
}
