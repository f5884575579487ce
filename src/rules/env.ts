import type { Dec } from '../decimal/decimal.js';
import type { Issue, IssuePath } from '../errors/issue.js';

/** Parsed inputs of one evaluation, by input name. */
export interface Env {
  readonly numbers: ReadonlyMap<string, Dec>;
  readonly booleans: ReadonlyMap<string, boolean>;
  readonly tiers: ReadonlyMap<string, { readonly tier: string; readonly score: Dec }>;
  readonly checks: ReadonlyMap<string, { readonly [check: string]: boolean }>;
  /** How each present input is shown in explanations ("95.47%", "33.58"). */
  readonly display: ReadonlyMap<string, string>;
}

/** What scoring one node records: inputs used, intermediate values, missing inputs, issues and warnings. */
export interface Trace {
  readonly name: string;
  readonly path: IssuePath;
  readonly inputs: { [name: string]: string };
  readonly values: { [name: string]: string };
  readonly missing: string[];
  readonly issues: Issue[];
  readonly warnings: Issue[];
}

/** A fresh trace for the node `name` at `path`. */
export function newTrace(name: string, path: IssuePath): Trace {
  return { name, path, inputs: {}, values: {}, missing: [], issues: [], warnings: [] };
}
