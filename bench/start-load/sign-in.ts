// Signs the benchmark in as the admin the console creates on its first start,
// as a browser would: the pre-sign-in CSRF token first, then the sign-in.

export interface BenchSession {
  /** Headers that make a request come from the signed-in admin. */
  headers: Record<string, string>;
}

/** Reads the first admin's email and password from the console's output. */
export function readFirstAdmin(output: string): {
  email: string;
  password: string;
} {
  const email = /Email: +(\S+)/.exec(output)?.[1];
  const password = /Password: +(\S+)/.exec(output)?.[1];
  if (!email || !password) {
    throw new Error(
      "The console printed no first admin; it needs an empty database.",
    );
  }
  return { email, password };
}

export async function signIn(
  url: string,
  credentials: { email: string; password: string },
): Promise<BenchSession> {
  const session = await fetch(`${url}/api/auth/session`);
  const { csrf_token: preToken } = (await session.json()) as {
    csrf_token: string;
  };
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      cookie: cookiesOf(session),
      "x-csrf-token": preToken,
    },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) {
    throw new Error(
      `Signing in as ${credentials.email} failed with ${response.status}.`,
    );
  }
  const { csrf_token } = (await response.json()) as { csrf_token: string };
  return {
    headers: { cookie: cookiesOf(response), "x-csrf-token": csrf_token },
  };
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}
