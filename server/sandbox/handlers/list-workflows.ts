import type { Request, Response } from "express";
import type { UserWorkflow } from "../heron-types.js";
import { seedWorkflows } from "../seed/workflows.js";

export function listWorkflows(_req: Request, res: Response): void {
  const body: UserWorkflow[] = [...seedWorkflows()];
  res.json(body);
}
