import {
  END_USER_STATUSES,
  type DataSource,
  type EndUser,
  type Metric,
  type Tag,
} from "../heron-types.js";
import { deepFreeze } from "./deep-freeze.js";
import {
  NAME_PLACES,
  NAME_STEMS,
  NAME_SUFFIXES,
  NAME_TRADES,
  NOTABLE_END_USERS,
} from "./end-user-names.js";
import { heronId, SeededRandom } from "./seeded-random.js";

/** A seeded end user: Heron's EndUser with every field the sandbox fills. */
export type SeedEndUser = EndUser &
  Required<
    Pick<
      EndUser,
      | "heron_id"
      | "created"
      | "last_updated"
      | "is_portfolio"
      | "status"
      | "data_sources"
      | "tags"
      | "criteria"
    >
  > & { name: string | null; meta: Record<string, string> | null };

/** End users in the default seed, which the tests' expectations rely on. */
export const DEFAULT_END_USER_COUNT = 240;
const SEED = 20210719;
// A separate stream for users beyond the default ones, so the first 240 stay
// the same whatever the seed size.
const EXTRA_SEED = 20240229;
const DAY_MS = 86_400_000;
const FIRST_CREATED_MS = Date.UTC(2023, 0, 2);
const LAST_UPDATED_MS = Date.UTC(2025, 10, 28);

const TAGS: readonly Tag[] = [
  {
    heron_id: "tag_Pr1or1tyT4gSandb0x0001",
    name: "priority",
    color: "#e03131",
  },
  { heron_id: "tag_P0rtf0l10T4gSandb0x002", name: "portfolio-review" },
  { heron_id: "tag_0nb0ard1ngT4gSandb0x03", name: "onboarding", color: null },
];

const DATA_SOURCE_TYPES: readonly DataSource["type"][] = [
  "api",
  "csv",
  "pdf",
  "integration_link",
];

const DATA_SOURCE_STATUSES: readonly NonNullable<DataSource["status"]>[] = [
  "processed",
  "parsed",
  "pending",
  "active",
  "syncing",
  "failed",
];

const REGIONS = ["EU", "US", "UK", "APAC"] as const;
const ACCOUNT_MANAGERS = [
  "ana.garcia@example.com",
  "li.wei@example.com",
  "sam.okafor@example.com",
] as const;

let cachedEndUsers: readonly SeedEndUser[] | undefined;

/**
 * Returns the sandbox's end users: the same records on every start, with
 * every status, Unicode names, two names that probe HTML and spreadsheet
 * escaping, and two users without a name. A count other than the default
 * 240 keeps the first ones as they are and adds generated users after
 * them, or keeps only the first `count`.
 */
export function seedEndUsers(
  count: number = DEFAULT_END_USER_COUNT,
): readonly SeedEndUser[] {
  cachedEndUsers ??= deepFreeze(buildEndUsers());
  if (count === DEFAULT_END_USER_COUNT) return cachedEndUsers;
  if (count < DEFAULT_END_USER_COUNT) return cachedEndUsers.slice(0, count);
  return [
    ...cachedEndUsers,
    ...deepFreeze(buildExtraEndUsers(count - DEFAULT_END_USER_COUNT)),
  ];
}

function buildEndUsers(): SeedEndUser[] {
  const random = new SeededRandom(SEED);
  const usedIds = new Set<string>();
  const entries = [
    ...NOTABLE_END_USERS,
    ...generateEntries(
      random,
      DEFAULT_END_USER_COUNT - NOTABLE_END_USERS.length,
    ),
  ];

  return entries.map((entry, index) => {
    const endUserId =
      entry.end_user_id ?? generateEndUserId(random, index, usedIds);
    usedIds.add(endUserId);
    return buildEndUser(random, entry.name, endUserId);
  });
}

function generateEntries(
  random: SeededRandom,
  count: number,
): { name: string; end_user_id?: string }[] {
  const used = new Set(NOTABLE_END_USERS.map((entry) => entry.name));
  const entries: { name: string }[] = [];

  while (entries.length < count) {
    const name = [
      random.pick(NAME_STEMS),
      random.pick(NAME_TRADES),
      random.pick(NAME_SUFFIXES),
    ].join(" ");
    if (used.has(name)) continue;
    used.add(name);
    entries.push({ name });
  }
  return entries;
}

/**
 * Builds `count` more end users, for large seeds. Names repeat, as they do
 * among real companies, and every end_user_id carries its index, so ids stay
 * unique without a retry loop.
 */
function buildExtraEndUsers(count: number): SeedEndUser[] {
  const random = new SeededRandom(EXTRA_SEED);
  const users: SeedEndUser[] = [];
  for (let i = 0; i < count; i++) {
    const index = DEFAULT_END_USER_COUNT + i;
    const name = [
      random.pick(NAME_STEMS),
      random.pick(NAME_TRADES),
      random.pick(NAME_PLACES),
      random.pick(NAME_SUFFIXES),
    ].join(" ");
    users.push(buildEndUser(random, name, extraEndUserId(random, index)));
  }
  return users;
}

function extraEndUserId(random: SeededRandom, index: number): string {
  switch (index % 4) {
    case 0:
      return `${random.pick(NAME_STEMS).toLowerCase()}-${pad(index, 6)}`;
    case 1:
      return `cust_${100_000 + index}`;
    case 2:
      return `CRM-2024-${pad(index, 7)}`;
    default:
      return `${hexDigits(random, 8)}-${pad(index, 12)}`;
  }
}

/** Ids in the styles customers use for their own records. */
function generateEndUserId(
  random: SeededRandom,
  index: number,
  usedIds: Set<string>,
): string {
  for (;;) {
    const candidate = formatEndUserId(random, index);
    if (!usedIds.has(candidate)) return candidate;
  }
}

function formatEndUserId(random: SeededRandom, index: number): string {
  switch (index % 4) {
    case 0:
      return `${random.pick(NAME_STEMS).toLowerCase()}-${pad(index, 3)}`;
    case 1:
      return `cust_${random.integer(1000, 9999)}`;
    case 2:
      return `CRM-2024-${pad(random.integer(1, 99_999), 5)}`;
    default:
      return [8, 4, 4, 4, 12]
        .map((length) => hexDigits(random, length))
        .join("-");
  }
}

function buildEndUser(
  random: SeededRandom,
  name: string | null,
  endUserId: string,
): SeedEndUser {
  const status = random.pick(END_USER_STATUSES);
  const createdMs = FIRST_CREATED_MS + wholeSeconds(random, 900 * DAY_MS);
  const lastUpdatedMs = Math.min(
    createdMs + wholeSeconds(random, 180 * DAY_MS),
    LAST_UPDATED_MS,
  );
  const wasProcessed = status !== "new" && status !== "ready";
  const processedMs =
    createdMs + wholeSeconds(random, lastUpdatedMs - createdMs);

  return {
    heron_id: heronId("eus_", random),
    end_user_id: endUserId,
    name,
    status,
    created: new Date(createdMs).toISOString(),
    last_updated: new Date(lastUpdatedMs).toISOString(),
    is_portfolio: random.chance(0.1),
    meta: random.chance(0.4)
      ? {
          region: random.pick(REGIONS),
          account_manager: random.pick(ACCOUNT_MANAGERS),
        }
      : null,
    data_sources: buildDataSources(random),
    tags: TAGS.filter(() => random.chance(0.2)),
    criteria: wasProcessed ? buildCriteria(random) : [],
    ...(wasProcessed
      ? { last_processed_at: new Date(processedMs).toISOString() }
      : {}),
  };
}

function buildDataSources(random: SeededRandom): DataSource[] {
  const count = random.integer(1, 3);
  return Array.from({ length: count }, () => ({
    type: random.pick(DATA_SOURCE_TYPES),
    status: random.pick(DATA_SOURCE_STATUSES),
  }));
}

function buildCriteria(random: SeededRandom): Metric[] {
  return [
    {
      label: "Average daily balance",
      group: "balance",
      unit: "amount",
      currency: "USD",
      date_range: "last_90_days",
      context: "higher_is_better",
      status: "available",
      value: random.integer(1_000, 250_000),
    },
    {
      label: "Days with a negative balance",
      group: "risk_flag",
      unit: "day",
      currency: null,
      date_range: "last_90_days",
      context: "lower_is_better",
      status: "available",
      value: random.integer(0, 20),
    },
  ];
}

/** Returns a random whole number of seconds below maxMs, in milliseconds. */
function wholeSeconds(random: SeededRandom, maxMs: number): number {
  return random.integer(0, Math.max(0, Math.floor(maxMs / 1000) - 1)) * 1000;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function hexDigits(random: SeededRandom, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += random.integer(0, 15).toString(16);
  return text;
}
