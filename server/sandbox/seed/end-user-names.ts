/**
 * End users whose names or ids exercise escaping, Unicode and lookups. Tests
 * pick some of them by name. Generated names skip these, so each appears
 * exactly once in the seed data.
 */
export const NOTABLE_END_USERS: readonly {
  name: string | null;
  end_user_id?: string;
}[] = [
  { name: "Café Müller GmbH", end_user_id: "acme-001" },
  { name: "MÜLLER LOGISTIK AG" },
  { name: "Straße & Brücke Bau GmbH" },
  { name: "Bäckerei Groß & Söhne KG" },
  { name: "Société Générale de Crêpes SARL" },
  { name: "Crème Brûlée Café" },
  { name: "Łódź Przewozy Sp. z o.o." },
  { name: "Ørsted Fiskeri ApS" },
  { name: "İstanbul Tekstil A.Ş." },
  { name: "東京商事株式会社", end_user_id: "cust_4821" },
  { name: "北京科技有限公司" },
  { name: "서울 무역 주식회사" },
  { name: "Αθηνά Ναυτιλιακή Α.Ε." },
  { name: "Москва Трейд ООО" },
  { name: "شركة النخيل للتجارة" },
  { name: "Rocket 🚀 Logistics" },
  { name: "Sunny ☀️ Days Daycare" },
  { name: "🍕 Pizza Planet" },
  { name: "Family 👨‍👩‍👧 Dental" },
  { name: "O'Brien & Sons", end_user_id: "obrien-and-sons" },
  { name: "D'Angelo's Pizzeria" },
  { name: "Jo & Ann's Diner" },
  { name: "Smith & Jones Ltd" },
  { name: "Fish & Chips & Co." },
  { name: '"Quoted" Trading Ltd' },
  { name: "<img src=x onerror=alert(1)>", end_user_id: "html-probe-1" },
  { name: '=HYPERLINK("http://x","y")', end_user_id: "formula-probe-1" },
  { name: "Slash Path Holdings", end_user_id: "acct/2024/17" },
  { name: "Percent Sign 100% Ltd", end_user_id: "pct%20literal" },
  { name: "Email Id Ventures", end_user_id: "owner@example.com" },
  { name: "Spaced Id Partners", end_user_id: "north wind 7" },
  { name: "Unicode Id Trading", end_user_id: "kunde-ü-42" },
  // 128 characters, the maximum Heron's contract allows for a name.
  {
    name:
      "The Extremely Long Company Name Limited Liability Partnership for " +
      "Testing How Interfaces Truncate Text Near Their Maximum Length",
  },
  { name: null, end_user_id: "unnamed-001" },
  { name: null, end_user_id: "unnamed-002" },
];

/** Name parts for the generated end users: stem, trade, legal suffix. */
export const NAME_STEMS = [
  "Acme",
  "Northwind",
  "Bluebird",
  "Harbor",
  "Summit",
  "Evergreen",
  "Lighthouse",
  "Copperfield",
  "Redwood",
  "Silverline",
  "Granite",
  "Maple",
  "Orchard",
  "Pioneer",
  "Riverside",
  "Sterling",
  "Tidewater",
  "Juniper",
  "Kestrel",
  "Meridian",
  "Oakridge",
  "Prairie",
  "Sandstone",
  "Thistle",
  "Willow",
  "Zephyr",
] as const;

export const NAME_TRADES = [
  "Bakery",
  "Logistics",
  "Dental",
  "Freight",
  "Consulting",
  "Hardware",
  "Roofing",
  "Catering",
  "Printing",
  "Plumbing",
  "Analytics",
  "Textiles",
  "Pharmacy",
  "Motors",
  "Florists",
  "Outfitters",
] as const;

export const NAME_SUFFIXES = [
  "Ltd",
  "LLC",
  "Inc.",
  "GmbH",
  "S.A.",
  "& Co.",
  "Group",
  "Partners",
  "B.V.",
  "Pty Ltd",
] as const;
