// A browser's cookie store, reduced to what tests over fetch need: cookies
// by name and path, removed when they expire. Like a browser, it ignores the
// port, so the console and a provider on the same host share one jar.

interface StoredCookie {
  value: string;
  path: string;
  /** Milliseconds since the epoch, or null for a session cookie. */
  expiresAt: number | null;
}

export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();

  /** Stores the cookies that a response sets, for the URL it came from. */
  store(response: Response, url: string): void {
    for (const header of response.headers.getSetCookie()) {
      this.storeOne(header, new URL(url));
    }
  }

  /** Returns the Cookie header a browser would send to url. */
  header(url: string): string {
    const path = new URL(url).pathname;
    const now = Date.now();
    const pairs: string[] = [];
    for (const [key, cookie] of this.cookies) {
      if (cookie.expiresAt !== null && cookie.expiresAt <= now) continue;
      if (!pathMatches(path, cookie.path)) continue;
      pairs.push(`${key.split("\n")[0]}=${cookie.value}`);
    }
    return pairs.join("; ");
  }

  /** Returns a cookie's value, whatever its path, or undefined. */
  get(name: string): string | undefined {
    for (const [key, cookie] of this.cookies) {
      if (key.split("\n")[0] === name) return cookie.value;
    }
    return undefined;
  }

  /** Replaces a cookie's value, as a tampering browser could. */
  set(name: string, value: string, path = "/"): void {
    this.cookies.set(`${name}\n${path}`, { value, path, expiresAt: null });
  }

  private storeOne(header: string, url: URL): void {
    const [pair = "", ...attributes] = header.split(";").map((s) => s.trim());
    const separator = pair.indexOf("=");
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    let path = defaultPath(url.pathname);
    let expiresAt: number | null = null;
    for (const attribute of attributes) {
      const [rawName = "", rawValue = ""] = attribute.split("=");
      const attributeName = rawName.toLowerCase();
      if (attributeName === "path" && rawValue.startsWith("/")) {
        path = rawValue;
      } else if (attributeName === "max-age") {
        expiresAt = Date.now() + Number(rawValue) * 1000;
      } else if (attributeName === "expires" && expiresAt === null) {
        expiresAt = Date.parse(attribute.slice(attribute.indexOf("=") + 1));
      }
    }

    const key = `${name}\n${path}`;
    if (expiresAt !== null && expiresAt <= Date.now()) {
      this.cookies.delete(key);
    } else {
      this.cookies.set(key, { value, path, expiresAt });
    }
  }
}

// RFC 6265, section 5.1.4: a cookie path matches its own path and the paths
// below it.
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/";
}

function defaultPath(requestPath: string): string {
  const lastSlash = requestPath.lastIndexOf("/");
  return lastSlash <= 0 ? "/" : requestPath.slice(0, lastSlash);
}
