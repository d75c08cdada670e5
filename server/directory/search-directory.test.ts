import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { DirectoryEntry } from "./directory-entry.js";
import { DirectoryStore } from "./directory-store.js";
import { openDirectoryDatabase } from "./open-directory-database.js";
import { searchDirectory } from "./search-directory.js";

let store: DirectoryStore;

function entry(
  heronSuffix: string,
  name: string | null,
  endUserId: string,
  updatedDay: number,
): DirectoryEntry {
  return {
    heron_id: `eus_${heronSuffix.padEnd(22, "0")}`,
    end_user_id: endUserId,
    name,
    status: "ready",
    heron_updated_at: new Date(Date.UTC(2025, 0, updatedDay)).toISOString(),
  };
}

const ENTRIES: DirectoryEntry[] = [
  entry("AcmeOld", "Acme Bakery Ltd", "cust-100", 1),
  entry("AcmeNew", "Acme Roofing GmbH", "cust-101", 20),
  entry("Inside", "Northwind Acme Partners", "cust-102", 30),
  entry("IdHolder", "Plain Name Ltd", "acme", 2),
  entry("Zoe", "Zoë Müller Consulting", "zm-1", 5),
  entry("Cafe", "Café Crème SARL", "cafe-7", 6),
  entry("Evergreen", "Evergreen Logistics", "ev-1", 7),
  entry("Upper", "MÜLLER LOGISTIK AG", "ml-9", 8),
  entry("Unnamed", null, "unnamed-001", 9),
  entry("Rocket", "Rocket 🚀 Couriers", "rk-1", 10),
  entry("Percent", "100% Juice_Bar", "pc-1", 11),
  entry("Tokyo", "東京海上日動", "tk-1", 12),
];

function names(text: string): (string | null)[] {
  return searchDirectory(store, text, 20).rows.map((row) => row.name);
}

beforeEach(() => {
  store = new DirectoryStore(openDirectoryDatabase(":memory:"));
  store.upsert(ENTRIES, new Date().toISOString());
});

afterEach(() => {
  store.db.close();
});

describe("search ranking", () => {
  it.each([
    {
      case: "exact end_user_id first, then name prefix by update",
      text: "acme",
      expected: [
        "Plain Name Ltd",
        "Acme Roofing GmbH",
        "Acme Bakery Ltd",
        "Northwind Acme Partners",
      ],
    },
    {
      case: "name prefix before other matches",
      text: "ac",
      expected: [
        "Acme Roofing GmbH",
        "Acme Bakery Ltd",
        "Northwind Acme Partners",
        "Plain Name Ltd",
      ],
    },
    {
      case: "newest first among other matches",
      text: "logisti",
      expected: ["MÜLLER LOGISTIK AG", "Evergreen Logistics"],
    },
    {
      case: "every word must match",
      text: "acme roof",
      expected: ["Acme Roofing GmbH"],
    },
    {
      case: "substring inside a word",
      text: "wind",
      expected: ["Northwind Acme Partners"],
    },
    {
      case: "end_user_id substring",
      text: "cust-10",
      expected: [
        "Northwind Acme Partners",
        "Acme Roofing GmbH",
        "Acme Bakery Ltd",
      ],
    },
  ])("$case", ({ text, expected }) => {
    expect(names(text)).toEqual(expected);
  });

  it("counts the exact match in the total", () => {
    const result = searchDirectory(store, "acme", 20);

    expect(result.exactCount).toBe(1);
    expect(result.total).toBe(4);
  });

  it("finds a heron id by its start", () => {
    expect(names("eus_Zoe")).toEqual(["Zoë Müller Consulting"]);
  });
});

describe("accents and case", () => {
  it.each([
    ["zoe", "Zoë Müller Consulting"],
    ["ZOË", "Zoë Müller Consulting"],
    ["cafe creme", "Café Crème SARL"],
    ["Crème", "Café Crème SARL"],
  ])("%s finds %s", (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it("folds umlauts both ways", () => {
    expect(names("muller")).toEqual([
      "MÜLLER LOGISTIK AG",
      "Zoë Müller Consulting",
    ]);
  });
});

describe("symbols", () => {
  it("finds an emoji inside a name", () => {
    expect(names("🚀")).toEqual(["Rocket 🚀 Couriers"]);
  });

  it("takes % and _ literally", () => {
    expect(names("%")).toEqual(["100% Juice_Bar"]);
    expect(names("_")).toEqual(["100% Juice_Bar"]);
  });

  it("finds two CJK characters inside a name", () => {
    expect(names("海上")).toEqual(["東京海上日動"]);
  });

  it("finds nothing for a symbol no name has", () => {
    expect(names("🦄")).toEqual([]);
  });
});

describe("typo tolerance", () => {
  it.each([
    ["evergren", "a deleted letter"],
    ["evergreem", "a replaced letter"],
    ["everggreen", "an added letter"],
    ["logistiks", "an added letter at the end"],
    ["evegrreen", "two neighbouring letters swapped"],
  ])("%s finds a name with %s", (text) => {
    expect(names(text).length).toBeGreaterThan(0);
  });

  it("finds the intended name", () => {
    expect(names("evergren")).toEqual(["Evergreen Logistics"]);
  });

  it("ignores typos in short words", () => {
    expect(names("acne")).toEqual([]);
  });

  it("allows no more than one edit", () => {
    expect(names("evrgren")).toEqual([]);
  });

  it("counts a swap of letters apart as two edits", () => {
    expect(names("erevgreen")).toEqual([]);
  });
});

describe("directory entries", () => {
  it("keeps one row per heron id on repeated writes", () => {
    store.upsert(ENTRIES, new Date().toISOString());

    expect(store.count()).toBe(ENTRIES.length);
  });

  it("finds a renamed user by the new name only", () => {
    const renamed = { ...ENTRIES[6]!, name: "Sequoia Freight" };
    store.upsert([renamed], new Date().toISOString());

    expect(names("sequoia")).toEqual(["Sequoia Freight"]);
    expect(names("evergreen")).toEqual([]);
  });

  it("leaves gone users out", () => {
    store.markGone(ENTRIES[4]!.heron_id, new Date().toISOString());

    expect(names("zoe")).toEqual([]);
    expect(store.count()).toBe(ENTRIES.length - 1);
  });

  it("finds a gone user again after a sync", () => {
    store.markGone(ENTRIES[4]!.heron_id, new Date().toISOString());
    store.upsert([ENTRIES[4]!], new Date().toISOString());

    expect(names("zoe")).toEqual(["Zoë Müller Consulting"]);
    expect(searchDirectory(store, "zoe", 20).total).toBe(1);
  });

  it("treats search syntax as text", () => {
    expect(names('"acme"* ^')).toEqual([
      "Acme Roofing GmbH",
      "Acme Bakery Ltd",
      "Northwind Acme Partners",
      "Plain Name Ltd",
    ]);
  });
});

describe("query plans", () => {
  it("ranks a name prefix first with a short word", () => {
    store.upsert(
      [
        entry("OldPrefix", "Kestrel Bakery Ltd", "k-1", 3),
        entry("NewOther", "Bright Kestrel GmbH", "k-2", 25),
      ],
      new Date().toISOString(),
    );

    expect(names("kestrel b")).toEqual([
      "Kestrel Bakery Ltd",
      "Bright Kestrel GmbH",
    ]);
  });

  it("finds a word inside many ids by substring", () => {
    // Sixty distinct id words contain "500", more than a token search
    // lists, so this text is searched in the trigram index.
    const many = Array.from({ length: 60 }, (_, i) =>
      entry(`Ref${i}x`, `Ref Holder ${i}`, `ref-${i}500`, 40 + i),
    );
    store.upsert(many, new Date().toISOString());

    const result = searchDirectory(store, "500", 20);

    expect(result.total).toBe(60);
    expect(result.rows[0]?.name).toBe("Ref Holder 59");
    expect(names("500 ref")).toHaveLength(20);
    expect(names("ref 1500")).toEqual(
      [51, 41, 31, 21, 11, 1].map((i) => `Ref Holder ${i}`),
    );
  });

  it("returns nothing for a word no user has", () => {
    const result = searchDirectory(store, "acme qwertyuiop", 20);

    expect(result.rows).toEqual([]);
    expect(result.total).toBe(0);
  });
});
