import { describe, expect, it } from "vitest";
import {
  COLOR_SCHEME_STORAGE_KEY,
  createColorSchemeManager,
  readColorScheme,
  resolveColorScheme,
  writeColorScheme,
} from "./color-scheme-storage";

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const values = new Map(Object.entries(initial));
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

const blockedStorage = {
  getItem: () => {
    throw new Error("blocked");
  },
  setItem: () => {
    throw new Error("blocked");
  },
  removeItem: () => {
    throw new Error("blocked");
  },
} as unknown as Storage;

describe("color scheme storage", () => {
  it("defaults to auto when nothing is stored", () => {
    expect(readColorScheme(memoryStorage())).toBe("auto");
    expect(readColorScheme(null)).toBe("auto");
  });

  it("reads a stored choice", () => {
    const storage = memoryStorage({ [COLOR_SCHEME_STORAGE_KEY]: "dark" });
    expect(readColorScheme(storage)).toBe("dark");
  });

  it("ignores an unknown stored value", () => {
    const storage = memoryStorage({ [COLOR_SCHEME_STORAGE_KEY]: "purple" });
    expect(readColorScheme(storage)).toBe("auto");
  });

  it("stores light and dark, and forgets auto", () => {
    const storage = memoryStorage();
    writeColorScheme(storage, "light");
    expect(storage.getItem(COLOR_SCHEME_STORAGE_KEY)).toBe("light");
    writeColorScheme(storage, "auto");
    expect(storage.getItem(COLOR_SCHEME_STORAGE_KEY)).toBeNull();
  });

  it("survives blocked storage", () => {
    expect(readColorScheme(blockedStorage)).toBe("auto");
    expect(() => writeColorScheme(blockedStorage, "dark")).not.toThrow();
  });

  it("resolves auto from the system setting", () => {
    expect(resolveColorScheme("auto", true)).toBe("dark");
    expect(resolveColorScheme("auto", false)).toBe("light");
    expect(resolveColorScheme("light", true)).toBe("light");
  });

  it("manager round-trips and clears", () => {
    const manager = createColorSchemeManager(memoryStorage());
    manager.set("dark");
    expect(manager.get("auto")).toBe("dark");
    manager.clear();
    expect(manager.get("auto")).toBe("auto");
  });

  it("manager follows other tabs", () => {
    const storage = memoryStorage();
    const manager = createColorSchemeManager(storage);
    const seen: string[] = [];
    manager.subscribe((scheme) => seen.push(scheme));

    storage.setItem(COLOR_SCHEME_STORAGE_KEY, "light");
    window.dispatchEvent(
      new StorageEvent("storage", { key: COLOR_SCHEME_STORAGE_KEY }),
    );
    manager.unsubscribe();
    window.dispatchEvent(
      new StorageEvent("storage", { key: COLOR_SCHEME_STORAGE_KEY }),
    );

    expect(seen).toEqual(["light"]);
  });
});
