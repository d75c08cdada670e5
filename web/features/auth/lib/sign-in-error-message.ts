// Codes the single sign-on callback puts in ?sign_in_error= when it sends
// the browser back to the page, with what staff can do about each.
const MESSAGES: Readonly<Record<string, string>> = {
  cancelled:
    "The sign-in was cancelled at the identity provider, or it denied " +
    "access. Sign in again if you meant to.",
  state_mismatch:
    "That single sign-on attempt is unknown, expired or was started in " +
    "another browser, so the console did not use it. Sign in again from " +
    "this page.",
  no_role:
    "Your single sign-on account has no console role. Ask your identity " +
    "provider's administrator to add you to one of the console's groups " +
    "(viewers, operators or admins), then sign in again.",
  email_unverified:
    "The identity provider reports your email address as not verified. " +
    "Verify it there, then sign in again.",
  email_missing:
    "The identity provider sent no email address the console can use. Ask " +
    "its administrator to release your email address to the console.",
  email_taken:
    "A console account with your email address already exists and signs " +
    "in another way. Sign in with that account, or ask a console admin.",
  disabled:
    "Your console account is disabled. Ask a console admin to enable it.",
  provider_error:
    "The identity provider returned an error or an answer the console " +
    "could not check. Try again; if it keeps failing, ask the console's " +
    "administrator to check the single sign-on settings.",
  provider_unavailable:
    "The console could not reach the identity provider to finish the " +
    "sign-in. Try again in a minute.",
};

/** Turns a ?sign_in_error= code into a sentence that names unknown codes. */
export function describeSignInError(code: string): string {
  if (Object.hasOwn(MESSAGES, code)) return MESSAGES[code] as string;

  return (
    `Single sign-on failed (${code}). Try again; if it keeps failing, ` +
    "ask the console's administrator and give them this code."
  );
}
