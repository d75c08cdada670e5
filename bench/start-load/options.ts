import { parseArgs } from "node:util";

export interface BenchOptions {
  seconds: number;
  /** Start requests per second, summed over all connections. */
  rate: number;
  connections: number;
  logLevel: string;
}

const USAGE =
  "Usage: npm run bench:start-load -- [--seconds 60] [--rate 50] " +
  "[--connections 10] [--log-level info]";

/** Reads the command-line options; throws an Error with the usage on bad ones. */
export function readOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      seconds: { type: "string", default: "60" },
      rate: { type: "string", default: "50" },
      connections: { type: "string", default: "10" },
      "log-level": { type: "string", default: "info" },
    },
  });

  const seconds = wholeNumber("--seconds", values.seconds, 1, 3600);
  const rate = wholeNumber("--rate", values.rate, 1, 5000);
  const connections = wholeNumber("--connections", values.connections, 1, 500);
  if (rate % connections !== 0) {
    // autocannon splits the rate over connections. With a remainder some
    // connections finish their share early and the rate drops at the end.
    throw new Error(
      `--rate ${rate} is not a multiple of --connections ${connections}. ` +
        `Choose values that divide evenly. ${USAGE}`,
    );
  }
  return { seconds, rate, connections, logLevel: values["log-level"] };
}

function wholeNumber(
  name: string,
  text: string,
  min: number,
  max: number,
): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new Error(
      `${name} is "${text}", but it must be a whole number from ${min} to ` +
        `${max}. ${USAGE}`,
    );
  }
  return value;
}
