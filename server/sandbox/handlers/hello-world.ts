import type { Request, Response } from "express";
import type { HelloWorldResponse } from "../heron-types.js";

export function helloWorld(_req: Request, res: Response): void {
  const body: HelloWorldResponse = { hello: "world" };
  res.json(body);
}
