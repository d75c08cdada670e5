export const endUserKeys = {
  all: ["end-users"] as const,
  searches: () => [...endUserKeys.all, "search"] as const,
  search: (text: string) => [...endUserKeys.searches(), text] as const,
};
