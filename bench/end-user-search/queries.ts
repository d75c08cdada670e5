/**
 * Search texts as staff type them into the picker: company names whole and
 * in part, with and without accents and typos, customer ids and their
 * prefixes, and a heron id prefix. The same list on every run, so runs
 * compare.
 */
export const QUERIES: readonly string[] = [
  "a",
  "ac",
  "acme",
  "acme bak",
  "kestrel roofing",
  "northwind freight",
  "evergren",
  "silverlin",
  "zurich",
  "malmo",
  "plzen",
  "muller",
  "cafe",
  "crème brûlée",
  "logistics of leeds",
  "pty",
  "juniper dental",
  "cust_4821",
  "cust_1012",
  "CRM-2024-00123",
  "crm-2024",
  "acme-001",
  "obrien",
  "o'brien",
  "eus_",
];
