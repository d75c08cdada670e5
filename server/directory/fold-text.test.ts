import { describe, expect, it } from "vitest";

import { DirectoryStore } from "./directory-store.js";
import { foldText } from "./fold-text.js";
import { openDirectoryDatabase } from "./open-directory-database.js";
import { searchDirectory } from "./search-directory.js";

describe("foldText", () => {
  it.each([
    { text: "Zoë", folded: "zoe" },
    { text: "Łódź", folded: "lodz" },
    { text: "ŁÓDŹ", folded: "lodz" },
    { text: "Straße", folded: "strasse" },
    { text: "GROẞ", folded: "gross" },
    { text: "Groß", folded: "gross" },
    { text: "Søren", folded: "soren" },
    { text: "Æsir", folded: "aesir" },
    { text: "Œuvre", folded: "oeuvre" },
    { text: "Đorđević", folded: "dordevic" },
    { text: "Işık", folded: "isik" },
    { text: "Þór", folded: "thor" },
  ])("folds $text to $folded", ({ text, folded }) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe("search with folded letters", () => {
  const store = new DirectoryStore(openDirectoryDatabase(":memory:"));
  const updatedAt = "2025-01-05T10:00:00.000Z";
  store.upsert(
    [
      ["LodzBakery", "Piekarnia Łódź Sp. z o.o."],
      ["Strasse", "Hauptstraße Logistik GmbH"],
      ["Gross", "Groß & Partner KG"],
      ["Soren", "Søren Østergaard ApS"],
    ].map(([suffix, name]) => ({
      heron_id: `eus_${suffix!.padEnd(22, "0")}`,
      end_user_id: `id-${suffix!.toLowerCase()}`,
      name: name!,
      status: "ready",
      heron_updated_at: updatedAt,
    })),
    updatedAt,
  );

  it.each([
    { text: "Lodz", name: "Piekarnia Łódź Sp. z o.o." },
    { text: "strasse", name: "Hauptstraße Logistik GmbH" },
    { text: "gross", name: "Groß & Partner KG" },
    { text: "Groß", name: "Groß & Partner KG" },
    { text: "soren oster", name: "Søren Østergaard ApS" },
  ])("finds $name by $text", ({ text, name }) => {
    const names = searchDirectory(store, text, 20).rows.map((row) => row.name);

    expect(names).toContain(name);
  });
});
