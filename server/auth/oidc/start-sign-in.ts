import * as client from "openid-client";

import type { OidcConfig } from "../../config.js";
import type { PendingSignIns } from "./pending-sign-ins.js";
import type { ProviderConnection } from "./provider-connection.js";

// Scopes that every OpenID provider supports. The role claim is added as a scope
// too when the provider lists a scope of that name, as Okta does for groups.
const BASE_SCOPES = ["openid", "email", "profile"];

export interface StartedSignIn {
  /** The provider's authorization endpoint with this attempt's parameters. */
  authorizationUrl: URL;
  /** The browser's binding value, to be set or renewed in its cookie. */
  binding: string;
}

/**
 * Creates a new sign-in attempt: fresh state, nonce and PKCE verifier, kept
 * in `pending` for the browser holding `binding`. Throws
 * ProviderUnavailableError when discovery fails.
 */
export async function startSignIn(
  settings: Readonly<OidcConfig>,
  connection: ProviderConnection,
  pending: PendingSignIns,
  binding: string,
): Promise<StartedSignIn> {
  const configuration = await connection.configuration();

  // state: the callback accepts only a state that this browser started,
  // which stops cross-site request forgery on the callback (an attacker
  // signing a victim in with the attacker's own code).
  const state = client.randomState();
  // nonce: the ID token must carry this value, so a token captured from an
  // earlier sign-in cannot be replayed into this one.
  const nonce = client.randomNonce();
  // PKCE (S256): the token endpoint wants the verifier behind this
  // challenge, so a code stolen on its way back (from a log, a referrer or
  // a malicious app on the redirect URL) is useless without it.
  const codeVerifier = client.randomPKCECodeVerifier();
  const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
  pending.add(state, binding, { nonce, codeVerifier });

  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUrl,
    scope: scopesFor(configuration, settings.roleClaim),
    state,
    nonce,
    code_challenge: codeChallenge,
    code_challenge_method: "S256",
  });
  return { authorizationUrl, binding };
}

function scopesFor(
  configuration: client.Configuration,
  roleClaim: string,
): string {
  const supported = configuration.serverMetadata().scopes_supported ?? [];
  const scopes = [...BASE_SCOPES];
  if (supported.includes(roleClaim) && !scopes.includes(roleClaim)) {
    scopes.push(roleClaim);
  }
  return scopes.join(" ");
}
