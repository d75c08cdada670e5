import * as client from "openid-client";

import { EmailSchema, type Role } from "../../contract/auth.js";
import type { OidcConfig } from "../../config.js";
import type { PendingSignIns } from "./pending-sign-ins.js";
import {
  ProviderUnavailableError,
  type ProviderConnection,
} from "./provider-connection.js";
import { readProfile } from "./read-profile.js";
import { SignInRejection } from "./sign-in-errors.js";

/** The person the provider vouched for, with the console role mapped. */
export interface VerifiedPerson {
  issuer: string;
  subject: string;
  email: string;
  displayName: string;
  role: Role;
}

/**
 * Checks the authorization response at the callback and exchanges its code
 * for tokens. Returns the person when the console accepts them; throws
 * SignInRejection with the reason otherwise.
 */
export async function finishSignIn(
  settings: Readonly<OidcConfig>,
  connection: ProviderConnection,
  pending: PendingSignIns,
  query: URLSearchParams,
  binding: string | undefined,
): Promise<VerifiedPerson> {
  // The attempt is removed before anything else, so a callback URL works
  // once, even when this sign-in then fails.
  const state = query.get("state");
  const attempt = state === null ? null : pending.take(state, binding);
  if (state === null || attempt === null) {
    throw new SignInRejection(
      "state_mismatch",
      "The callback's state is unknown, expired, already used or was " +
        "started in another browser.",
    );
  }

  const configuration = await loadConfiguration(connection);
  // openid-client strips the query to get the redirect_uri it sends to the
  // token endpoint, so the URL is built from the registered callback URL
  // rather than from the Host header of this request.
  const callbackUrl = new URL(settings.redirectUrl);
  callbackUrl.search = query.toString();

  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    // openid-client checks the state again, sends the PKCE verifier, and
    // validates the ID token's signature, issuer, audience, expiry and nonce.
    tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      expectedState: state,
      expectedNonce: attempt.nonce,
      pkceCodeVerifier: attempt.codeVerifier,
    });
  } catch (error) {
    throw rejectionFor(error, "exchanging the code for tokens");
  }

  const idClaims = tokens.claims();
  if (!idClaims) {
    throw new SignInRejection(
      "provider_error",
      "The provider returned no ID token.",
    );
  }
  const claims = await withUserInfo(
    configuration,
    settings,
    tokens.access_token,
    idClaims,
  );
  return toVerifiedPerson(settings, claims);
}

async function loadConfiguration(
  connection: ProviderConnection,
): Promise<client.Configuration> {
  try {
    return await connection.configuration();
  } catch (error) {
    throw rejectionFor(error, "loading the provider's discovery document");
  }
}

// Many providers put only sub and a few standard claims in the ID token
// and the rest (email, groups) in the userinfo response. It is fetched only
// when the ID token lacks the email or the role claim.
async function withUserInfo(
  configuration: client.Configuration,
  settings: Readonly<OidcConfig>,
  accessToken: string,
  idClaims: client.IDToken,
): Promise<Record<string, unknown>> {
  const complete =
    idClaims.email !== undefined && idClaims[settings.roleClaim] !== undefined;
  if (complete || !configuration.serverMetadata().userinfo_endpoint) {
    return idClaims;
  }

  try {
    // The expected subject makes openid-client reject a response about
    // another person.
    const userInfo = await client.fetchUserInfo(
      configuration,
      accessToken,
      idClaims.sub,
    );
    return { ...userInfo, ...idClaims };
  } catch (error) {
    throw rejectionFor(error, "reading the userinfo endpoint");
  }
}

function toVerifiedPerson(
  settings: Readonly<OidcConfig>,
  claims: Record<string, unknown>,
): VerifiedPerson {
  const profile = readProfile(claims, settings);
  const email = EmailSchema.safeParse(profile.email);
  if (!email.success) {
    throw new SignInRejection(
      "email_missing",
      `The provider sent no usable email address for ${profile.subject}.`,
    );
  }
  // An unverified address could belong to someone else, and the console
  // shows it as the person's identity in the audit trail and history.
  if (profile.emailVerified === false) {
    throw new SignInRejection(
      "email_unverified",
      `The provider marks ${email.data} as not verified.`,
      { email: email.data },
    );
  }
  if (profile.role === null) {
    throw new SignInRejection(
      "no_role",
      `None of the groups in the ${settings.roleClaim} claim of ` +
        `${email.data} maps to a console role.`,
      { email: email.data },
    );
  }
  return {
    issuer: profile.issuer,
    subject: profile.subject,
    email: email.data,
    displayName: profile.displayName,
    role: profile.role,
  };
}

function rejectionFor(error: unknown, step: string): SignInRejection {
  if (error instanceof SignInRejection) return error;
  if (error instanceof client.AuthorizationResponseError) {
    const code =
      error.error === "access_denied" ? "cancelled" : "provider_error";
    return new SignInRejection(
      code,
      `The provider returned the error ${error.error}.`,
      { cause: error },
    );
  }
  if (error instanceof ProviderUnavailableError || isNetworkFailure(error)) {
    return new SignInRejection(
      "provider_unavailable",
      `The provider could not be reached while ${step}.`,
      { cause: error },
    );
  }
  return new SignInRejection(
    "provider_error",
    `The provider's answer failed validation while ${step}.`,
    { cause: error },
  );
}

// fetch rejects with a TypeError whose cause is the socket error, and a
// request past its time limit with a TimeoutError.
function isNetworkFailure(error: unknown): boolean {
  for (let current = error; current instanceof Error;) {
    if (current.name === "TimeoutError" || current.name === "AbortError") {
      return true;
    }
    if (current instanceof TypeError && current.message === "fetch failed") {
      return true;
    }
    current = current.cause;
  }
  return false;
}
