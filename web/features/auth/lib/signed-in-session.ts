import { createContext, useContext } from "react";
import type { SignedInSession } from "../../../../server/contract/auth";

/**
 * The latest signed-in session. It stays set while an ended session waits
 * for a new sign-in, so the page under the sign-in dialog keeps its state.
 */
export const SignedInSessionContext = createContext<SignedInSession | null>(
  null,
);

/** Returns the signed-in session. Throws outside AuthGate. */
export function useSignedInSession(): SignedInSession {
  const session = useContext(SignedInSessionContext);
  if (session === null) {
    throw new Error(
      "useSignedInSession was called outside AuthGate, where nobody is " +
        "signed in. Render the component inside AuthGate.",
    );
  }
  return session;
}
