import packageJson from "../package.json" with { type: "json" };

/** The console's version, from package.json. */
export const VERSION: string = packageJson.version;
