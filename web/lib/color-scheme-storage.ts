import type {
  MantineColorScheme,
  MantineColorSchemeManager,
} from "@mantine/core";

export const COLOR_SCHEME_STORAGE_KEY = "heron-console-color-scheme";

const SCHEMES: readonly MantineColorScheme[] = ["light", "dark", "auto"];

/**
 * Reads the stored color scheme. A missing or unknown value, or storage the
 * browser blocks, gives "auto", which follows prefers-color-scheme.
 */
export function readColorScheme(storage: Storage | null): MantineColorScheme {
  try {
    const stored = storage?.getItem(COLOR_SCHEME_STORAGE_KEY);
    return SCHEMES.find((scheme) => scheme === stored) ?? "auto";
  } catch {
    return "auto";
  }
}

/** Stores the color scheme. Blocked storage only loses the choice. */
export function writeColorScheme(
  storage: Storage | null,
  scheme: MantineColorScheme,
): void {
  try {
    if (scheme === "auto") storage?.removeItem(COLOR_SCHEME_STORAGE_KEY);
    else storage?.setItem(COLOR_SCHEME_STORAGE_KEY, scheme);
  } catch {
    // Private windows may reject writes; the choice then lasts one visit.
  }
}

/** Returns "light" or "dark": the stored choice, else the system setting. */
export function resolveColorScheme(
  scheme: MantineColorScheme,
  prefersDark: boolean,
): "light" | "dark" {
  if (scheme === "auto") return prefersDark ? "dark" : "light";
  return scheme;
}

/**
 * Creates Mantine's color scheme manager over `storage`. It also follows
 * changes made in other tabs through the storage event.
 */
export function createColorSchemeManager(
  storage: Storage | null,
): MantineColorSchemeManager {
  let listener: ((event: StorageEvent) => void) | null = null;

  return {
    get: () => readColorScheme(storage),
    set: (scheme) => writeColorScheme(storage, scheme),
    subscribe: (onUpdate) => {
      listener = (event) => {
        if (event.key === COLOR_SCHEME_STORAGE_KEY) {
          onUpdate(readColorScheme(storage));
        }
      };
      window.addEventListener("storage", listener);
    },
    unsubscribe: () => {
      if (listener) window.removeEventListener("storage", listener);
      listener = null;
    },
    clear: () => writeColorScheme(storage, "auto"),
  };
}

/** Returns localStorage, or null where the browser blocks it. */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
