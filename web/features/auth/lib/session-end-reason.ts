import type { SignedInSession } from "../../../../server/contract/auth";

/**
 * Why a session most likely ended: "idle" after its idle expiry time,
 * "max_age" after its absolute expiry, else "ended" (signed out elsewhere,
 * or an admin disabled the account or reset its password).
 */
export type SessionEndReason = "idle" | "max_age" | "ended";

/** Leeway for the clocks of browser and server, in milliseconds. */
const CLOCK_LEEWAY_MS = 5_000;

/** Returns the likely reason from the last signed-in session the page read. */
export function sessionEndReason(
  last: Pick<SignedInSession, "idle_expires_at" | "expires_at">,
  nowMs = Date.now(),
): SessionEndReason {
  if (nowMs + CLOCK_LEEWAY_MS >= Date.parse(last.expires_at)) return "max_age";
  if (nowMs + CLOCK_LEEWAY_MS >= Date.parse(last.idle_expires_at)) {
    return "idle";
  }
  return "ended";
}

const EXPLANATIONS: Readonly<Record<SessionEndReason, string>> = {
  idle: "You were signed out because the console was not used for a while.",
  max_age:
    "You were signed out because a session lasts a limited time however it is used.",
  ended:
    "Your session was ended: you signed out in another tab, or an admin disabled your account or reset your password.",
};

/** Returns the sentence of the sign-in dialog that explains why the session ended. */
export function explainSessionEnd(reason: SessionEndReason): string {
  return EXPLANATIONS[reason];
}
