// Codes for the reasons a single sign-on attempt failed. The callback redirects the browser to
// /?sign_in_error=<code>, and the page explains each code in plain words.

export const OIDC_SIGN_IN_ERRORS = [
  // The person pressed Cancel at the provider, or it denied access.
  "cancelled",
  // The attempt is unknown, expired, already used or from another browser.
  "state_mismatch",
  // None of the person's groups maps to a console role.
  "no_role",
  // The provider marks the email address as not verified.
  "email_unverified",
  // The provider sent no email address, or one the console cannot use.
  "email_missing",
  // A local account or another provider's account has this email.
  "email_taken",
  // An admin disabled the console account.
  "disabled",
  // The provider returned an error, or its tokens failed validation.
  "provider_error",
  // The provider could not be reached while finishing the sign-in.
  "provider_unavailable",
] as const;

export type OidcSignInError = (typeof OIDC_SIGN_IN_ERRORS)[number];

/** A sign-in that the console rejects, with the code the page explains. */
export class SignInRejection extends Error {
  readonly code: OidcSignInError;
  /** The email the provider sent, when known, for the audit trail. */
  readonly email: string | null;

  constructor(
    code: OidcSignInError,
    message: string,
    options: { email?: string | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "SignInRejection";
    this.code = code;
    this.email = options.email ?? null;
  }
}

/** The address the callback sends a rejected browser to. */
export function signInErrorPath(code: OidcSignInError): string {
  return `/?sign_in_error=${code}`;
}
