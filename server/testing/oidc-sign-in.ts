import type { CookieJar } from "./cookie-jar.js";
import {
  TEST_OIDC_ACCOUNTS,
  type TestOidcAccountName,
} from "./oidc-provider.js";

// Walks the test provider's development pages with fetch, as a browser
// would: follows redirects, sends the jar's cookies, and submits the login
// form and then the consent form.

const MAX_STEPS = 12;

/**
 * Starts at a URL on the provider (the authorization request) and signs in
 * as the named account. Returns the first URL outside the provider's origin
 * that the provider redirects to, normally the console's callback.
 */
export async function signInAtProvider(
  authorizationUrl: string,
  account: TestOidcAccountName,
  jar: CookieJar,
): Promise<string> {
  const providerOrigin = new URL(authorizationUrl).origin;
  let request: PendingRequest = { url: authorizationUrl };

  for (let step = 0; step < MAX_STEPS; step += 1) {
    const response = await send(request, jar);
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, request.url).href;
      if (new URL(next).origin !== providerOrigin) return next;
      request = { url: next };
      continue;
    }

    const page = await response.text();
    if (response.status !== 200) {
      throw new Error(
        `The provider returned ${response.status} for ${request.url}: ` +
          page.slice(0, 500),
      );
    }
    request = submitForm(page, request.url, account);
  }
  throw new Error(
    `The provider did not redirect out of ${providerOrigin} within ` +
      `${MAX_STEPS} requests.`,
  );
}

interface PendingRequest {
  url: string;
  form?: URLSearchParams;
}

async function send(request: PendingRequest, jar: CookieJar) {
  const headers: Record<string, string> = { cookie: jar.header(request.url) };
  const init: RequestInit = { redirect: "manual", headers };
  if (request.form) {
    init.method = "POST";
    init.body = request.form;
  }
  const response = await fetch(request.url, init);
  jar.store(response, request.url);
  return response;
}

// The development pages contain one form each. The "login" form has login
// and password fields, and the "consent" form only a Continue button.
function submitForm(
  page: string,
  pageUrl: string,
  account: TestOidcAccountName,
): PendingRequest {
  const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
  const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
  if (!action || !prompt) {
    throw new Error(
      `The provider's page at ${pageUrl} has no sign-in or consent form: ` +
        page.slice(0, 500),
    );
  }

  const form = new URLSearchParams({ prompt });
  if (prompt === "login") {
    form.set("login", TEST_OIDC_ACCOUNTS[account].login);
    form.set("password", "any password");
  }
  return { url: new URL(decodeEntities(action), pageUrl).href, form };
}

function decodeEntities(text: string): string {
  return text
    .replaceAll("&#x2F;", "/")
    .replaceAll("&#x3D;", "=")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}
