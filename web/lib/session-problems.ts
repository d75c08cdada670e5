/**
 * Server responses that concern the session rather than one request.
 * "signed_out" means the session ended: an idle or absolute timeout, a
 * sign-out elsewhere, or an admin disabled the account. "csrf_failed" means
 * the token the page sent is not the session's. "forbidden" means the role
 * is below what the request needs, perhaps because an admin changed it.
 */
export type SessionProblem = "signed_out" | "csrf_failed" | "forbidden";

type Listener = (problem: SessionProblem) => void;

const listeners = new Set<Listener>();

let sessionEnded = false;

/** Calls listener for every session problem until the returned function runs. */
export function subscribeToSessionProblems(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function reportSessionProblem(problem: SessionProblem): void {
  if (problem === "signed_out") sessionEnded = true;
  for (const listener of listeners) listener(problem);
}

/**
 * Records that someone is signed in, as a session read or a sign-in found.
 * After "signed_out", reads other than public ones are not sent until then,
 * so polls stop while the sign-in dialog is open.
 */
export function recordSignedIn(): void {
  sessionEnded = false;
}

/** Returns true after "signed_out" until a session read finds someone signed in. */
export function isSessionEnded(): boolean {
  return sessionEnded;
}
