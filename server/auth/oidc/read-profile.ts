import { DISPLAY_NAME_MAX, type Role } from "../../contract/auth.js";
import type { OidcConfig } from "../../config.js";
import { roleFromClaims } from "./role-from-claims.js";

/** The claims the console uses, read from validated ID token claims. */
export interface ClaimedProfile {
  issuer: string;
  subject: string;
  /** As sent, not yet checked. Empty when the provider sent none. */
  email: string;
  /** null when the provider sends no email_verified claim. */
  emailVerified: boolean | null;
  displayName: string;
  role: Role | null;
}

export function readProfile(
  claims: Readonly<Record<string, unknown>>,
  settings: Pick<OidcConfig, "roleClaim" | "roleMap">,
): ClaimedProfile {
  const email = text(claims.email);
  return {
    // openid-client has checked both against the provider and the token.
    issuer: String(claims.iss),
    subject: String(claims.sub),
    email,
    emailVerified: readVerified(claims.email_verified),
    displayName: (
      text(claims.name) ||
      text(claims.preferred_username) ||
      email ||
      String(claims.sub)
    ).slice(0, DISPLAY_NAME_MAX),
    role: roleFromClaims(claims, settings.roleClaim, settings.roleMap),
  };
}

// Some providers send email_verified as the string "true" or "false".
function readVerified(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return null;
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}
