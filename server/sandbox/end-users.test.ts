import { describe, expect, vi } from "vitest";
import { END_USER_STATUSES, type EndUser } from "./heron-types.js";
import { test } from "./sandbox-test.js";
import { seedEndUsers } from "./seed/end-users.js";

interface ListBody {
  _meta: {
    limit: number;
    page: number;
    pages: number;
    total: number;
    next_url?: string;
    prev_url?: string;
  };
  end_users: EndUser[];
}

const HTML_PROBE = "<img src=x onerror=alert(1)>";
const FORMULA_PROBE = '=HYPERLINK("http://x","y")';

function findSeed(name: string) {
  const user = seedEndUsers().find((candidate) => candidate.name === name);
  if (!user) throw new Error(`No seeded end user named ${name}`);
  return user;
}

describe("seed end users", () => {
  const users = seedEndUsers();

  test("at least 200 end users", () => {
    expect(users.length).toBeGreaterThanOrEqual(200);
  });

  test("heron ids follow Heron's format", () => {
    for (const user of users)
      expect(user.heron_id).toMatch(/^eus_[A-Za-z0-9]{22}$/);
    expect(new Set(users.map((user) => user.heron_id)).size).toBe(users.length);
  });

  test("end_user_ids are unique and 1 to 140 chars", () => {
    const ids = users.map((user) => user.end_user_id);
    expect(new Set(ids).size).toBe(users.length);
    for (const id of ids) {
      expect(id.length).toBeGreaterThanOrEqual(1);
      expect(id.length).toBeLessThanOrEqual(140);
    }
    expect(ids).toContain("acme-001");
    expect(ids).toContain("cust_4821");
  });

  test("probe names appear exactly once", () => {
    const names = users.map((user) => user.name);
    expect(names.filter((name) => name === HTML_PROBE)).toHaveLength(1);
    expect(names.filter((name) => name === FORMULA_PROBE)).toHaveLength(1);
  });

  test("names cover Unicode and punctuation", () => {
    const names = users.map((user) => user.name);
    expect(names).toContain("Café Müller GmbH");
    expect(names).toContain("東京商事株式会社");
    expect(names).toContain("O'Brien & Sons");
    expect(
      names.some(
        (name) => name !== null && /\p{Extended_Pictographic}/u.test(name),
      ),
    ).toBe(true);
    expect(names.filter((name) => name === null)).toHaveLength(2);
    for (const name of names) {
      if (name !== null) expect(name.length).toBeLessThanOrEqual(128);
    }
  });

  test("every status is used", () => {
    const used = new Set(users.map((user) => user.status));
    for (const status of END_USER_STATUSES) expect(used).toContain(status);
  });

  test("last_updated is never before created", () => {
    for (const user of users) {
      expect(user.last_updated >= user.created).toBe(true);
    }
  });

  test("same data after a fresh import", async () => {
    vi.resetModules();
    const fresh = await import("./seed/end-users.js");

    expect(fresh.seedEndUsers()).not.toBe(users);
    expect(fresh.seedEndUsers()).toEqual(users);
  });
});

describe("GET /api/end_users", () => {
  test("defaults to limit 1000, page 1", async ({ heron }) => {
    const response = await heron.get("/api/end_users");
    const body = (await response.json()) as ListBody;

    expect(response.status).toBe(200);
    expect(body._meta).toEqual({
      limit: 1000,
      page: 1,
      pages: 1,
      total: seedEndUsers().length,
    });
    expect(body.end_users).toHaveLength(seedEndUsers().length);
  });

  test("lists newest last_updated first", async ({ heron }) => {
    const body = (await (await heron.get("/api/end_users")).json()) as ListBody;
    const dates = body.end_users.map((user) => user.last_updated ?? "");

    expect(dates).toEqual([...dates].sort().reverse());
  });

  test("order_by created_asc sorts by created", async ({ heron }) => {
    const response = await heron.get("/api/end_users?order_by=created_asc");
    const body = (await response.json()) as ListBody;
    const dates = body.end_users.map((user) => user.created ?? "");

    expect(dates).toEqual([...dates].sort());
  });

  test("name filter ignores case, Unicode aware", async ({ heron }) => {
    const response = await heron.get(
      `/api/end_users?name=${encodeURIComponent("müller")}`,
    );
    const body = (await response.json()) as ListBody;
    const names = body.end_users.map((user) => user.name).sort();

    expect(names).toEqual(["Café Müller GmbH", "MÜLLER LOGISTIK AG"]);
    expect(body._meta.total).toBe(2);
  });

  test("name filter matches CJK and emoji", async ({ heron }) => {
    const cjk = (await (
      await heron.get(`/api/end_users?name=${encodeURIComponent("東京")}`)
    ).json()) as ListBody;
    const emoji = (await (
      await heron.get(`/api/end_users?name=${encodeURIComponent("🚀")}`)
    ).json()) as ListBody;

    expect(cjk.end_users.map((user) => user.name)).toEqual([
      "東京商事株式会社",
    ]);
    expect(emoji.end_users.map((user) => user.name)).toEqual([
      "Rocket 🚀 Logistics",
    ]);
  });

  test("name filter matches NFD input", async ({ heron }) => {
    const decomposed = "Café".normalize("NFD");
    const response = await heron.get(
      `/api/end_users?name=${encodeURIComponent(decomposed)}`,
    );
    const body = (await response.json()) as ListBody;

    expect(body.end_users.map((user) => user.name)).toContain(
      "Café Müller GmbH",
    );
  });

  test("name filter treats & and ' literally", async ({ heron }) => {
    const response = await heron.get(
      `/api/end_users?name=${encodeURIComponent("o'brien &")}`,
    );
    const body = (await response.json()) as ListBody;

    expect(body.end_users.map((user) => user.name)).toEqual(["O'Brien & Sons"]);
  });

  test("end_user_id filter is exact", async ({ heron }) => {
    const exact = (await (
      await heron.get("/api/end_users?end_user_id=acme-001")
    ).json()) as ListBody;
    const partial = (await (
      await heron.get("/api/end_users?end_user_id=acme")
    ).json()) as ListBody;

    expect(exact.end_users.map((user) => user.name)).toEqual([
      "Café Müller GmbH",
    ]);
    expect(partial.end_users).toEqual([]);
    expect(partial._meta.total).toBe(0);
    expect(partial._meta.pages).toBe(0);
  });

  test("heron_id filter is exact", async ({ heron }) => {
    const target = findSeed(HTML_PROBE);
    const response = await heron.get(
      `/api/end_users?heron_id=${target.heron_id}`,
    );
    const body = (await response.json()) as ListBody;

    expect(body.end_users).toHaveLength(1);
    expect(body.end_users[0]?.name).toBe(HTML_PROBE);
  });

  test("status filter keeps that status", async ({ heron }) => {
    const response = await heron.get("/api/end_users?status=review_requested");
    const body = (await response.json()) as ListBody;
    const expected = seedEndUsers().filter(
      (user) => user.status === "review_requested",
    ).length;

    expect(body._meta.total).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    for (const user of body.end_users)
      expect(user.status).toBe("review_requested");
  });

  test("filters combine", async ({ heron }) => {
    const response = await heron.get(
      "/api/end_users?name=m%C3%BCller&end_user_id=acme-001",
    );
    const body = (await response.json()) as ListBody;

    expect(body.end_users.map((user) => user.end_user_id)).toEqual([
      "acme-001",
    ]);
  });

  test("pages with next_url and prev_url", async ({ heron }) => {
    const total = seedEndUsers().length;
    const response = await heron.get("/api/end_users?limit=50&page=2");
    const body = (await response.json()) as ListBody;

    expect(body._meta).toEqual({
      limit: 50,
      page: 2,
      pages: Math.ceil(total / 50),
      total,
      next_url: "/api/end_users?limit=50&page=3",
      prev_url: "/api/end_users?limit=50&page=1",
    });
    expect(body.end_users).toHaveLength(50);
  });

  test("next_url keeps the filters", async ({ heron }) => {
    const response = await heron.get("/api/end_users?status=new&limit=5");
    const body = (await response.json()) as ListBody;

    expect(body._meta.next_url).toBe(
      "/api/end_users?status=new&limit=5&page=2",
    );
    expect(body._meta.prev_url).toBeUndefined();
  });

  test("last page has no next_url", async ({ heron }) => {
    const total = seedEndUsers().length;
    const pages = Math.ceil(total / 50);
    const response = await heron.get(`/api/end_users?limit=50&page=${pages}`);
    const body = (await response.json()) as ListBody;

    expect(body._meta.next_url).toBeUndefined();
    expect(body.end_users).toHaveLength(total - (pages - 1) * 50);
  });

  test("pages do not overlap", async ({ heron }) => {
    const first = (await (
      await heron.get("/api/end_users?limit=7&page=1")
    ).json()) as ListBody;
    const second = (await (
      await heron.get("/api/end_users?limit=7&page=2")
    ).json()) as ListBody;
    const all = (await (await heron.get("/api/end_users")).json()) as ListBody;

    expect([...first.end_users, ...second.end_users]).toEqual(
      all.end_users.slice(0, 14),
    );
  });

  test("page past the end is empty", async ({ heron }) => {
    const response = await heron.get("/api/end_users?page=99");
    const body = (await response.json()) as ListBody;

    expect(response.status).toBe(200);
    expect(body.end_users).toEqual([]);
    expect(body._meta.page).toBe(99);
  });

  test("include flags add nested fields", async ({ heron }) => {
    const plain = (await (
      await heron.get("/api/end_users?limit=1")
    ).json()) as ListBody;
    const full = (await (
      await heron.get(
        "/api/end_users?limit=1&include_data_sources=true&include_tags=1&include_scorecard_metrics=yes",
      )
    ).json()) as ListBody;

    expect(plain.end_users[0]).not.toHaveProperty("data_sources");
    expect(plain.end_users[0]).not.toHaveProperty("tags");
    expect(plain.end_users[0]).not.toHaveProperty("criteria");
    expect(full.end_users[0]).toHaveProperty("data_sources");
    expect(full.end_users[0]).toHaveProperty("tags");
    expect(full.end_users[0]).toHaveProperty("criteria");
  });

  test("is_portfolio filter", async ({ heron }) => {
    const response = await heron.get("/api/end_users?is_portfolio=true");
    const body = (await response.json()) as ListBody;
    const expected = seedEndUsers().filter((user) => user.is_portfolio).length;

    expect(body._meta.total).toBe(expected);
    for (const user of body.end_users) expect(user.is_portfolio).toBe(true);
  });

  test("unknown parameters are ignored", async ({ heron }) => {
    const response = await heron.get("/api/end_users?color=blue&limit=2");

    expect(response.status).toBe(200);
  });

  const INVALID_QUERIES = [
    [
      "status=archived",
      "status",
      "Must be one of: new, ready, processed, reviewed, review_requested, failed.",
    ],
    [
      "limit=0",
      "limit",
      "Must be greater than or equal to 1 and less than or equal to 10000.",
    ],
    [
      "limit=10001",
      "limit",
      "Must be greater than or equal to 1 and less than or equal to 10000.",
    ],
    ["limit=ten", "limit", "Not a valid integer."],
    ["limit=2.5", "limit", "Not a valid integer."],
    ["page=0", "page", "Must be greater than or equal to 1."],
    [
      "order_by=name",
      "order_by",
      "Must be one of: last_updated_desc, last_updated_asc, created_desc, created_asc.",
    ],
    ["include_tags=maybe", "include_tags", "Not a valid boolean."],
  ] as const;

  for (const [query, field, message] of INVALID_QUERIES) {
    test(`422 for ${query}`, async ({ heron }) => {
      const response = await heron.get(`/api/end_users?${query}`);
      const body = await response.json();

      expect(response.status).toBe(422);
      expect(body).toEqual({
        code: 422,
        description: { querystring: { [field]: [message] } },
        name: "Unprocessable Entity",
      });
    });
  }

  test("422 lists every bad parameter", async ({ heron }) => {
    const response = await heron.get("/api/end_users?limit=0&page=x");
    const body = await response.json();

    expect(Object.keys(body.description.querystring).sort()).toEqual([
      "limit",
      "page",
    ]);
  });
});

describe("GET /api/end_users/{id}", () => {
  test("finds by heron_id", async ({ heron }) => {
    const target = findSeed(FORMULA_PROBE);
    const response = await heron.get(`/api/end_users/${target.heron_id}`);
    const body = await response.json();

    expect(response.status).toBe(200);
    expect(body.end_user.heron_id).toBe(target.heron_id);
    expect(body.end_user.name).toBe(FORMULA_PROBE);
  });

  test("finds by end_user_id", async ({ heron }) => {
    const response = await heron.get("/api/end_users/cust_4821");
    const body = await response.json();

    expect(body.end_user.name).toBe("東京商事株式会社");
  });

  test("decodes an encoded slash once", async ({ heron }) => {
    const response = await heron.get("/api/end_users/acct%2F2024%2F17");
    const body = await response.json();

    expect(response.status).toBe(200);
    expect(body.end_user.end_user_id).toBe("acct/2024/17");
  });

  test("decodes percent signs only once", async ({ heron }) => {
    const response = await heron.get("/api/end_users/pct%2520literal");
    const body = await response.json();

    expect(response.status).toBe(200);
    expect(body.end_user.end_user_id).toBe("pct%20literal");
  });

  test("decodes UTF-8 and spaces", async ({ heron }) => {
    const unicode = await heron.get(
      `/api/end_users/${encodeURIComponent("kunde-ü-42")}`,
    );
    const spaced = await heron.get("/api/end_users/north%20wind%207");

    expect((await unicode.json()).end_user.end_user_id).toBe("kunde-ü-42");
    expect((await spaced.json()).end_user.end_user_id).toBe("north wind 7");
  });

  test("unknown id gets 404 envelope", async ({ heron }) => {
    const response = await heron.get("/api/end_users/eus_doesnotexist");

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      code: 404,
      description: "End user not found",
      name: "Not Found",
    });
  });
});
