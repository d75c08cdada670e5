// The session's CSRF token, kept in memory only. The session query stores
// each token the server returns, and apiRequest sends it on every request
// that changes state. A reload reads a fresh one from GET /api/auth/session.

let currentToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  currentToken = token;
}

export function getCsrfToken(): string | null {
  return currentToken;
}
