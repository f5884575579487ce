import type { CoreIssueCode } from '../errors/codes.js';
import type { IssuePath } from '../errors/issue.js';

/**
 * Parsed input values of one evaluation in a calculator's value type `N`, by input slot: every declared input
 * has a fixed slot per framework (its position in `ParsedFramework.inputs`, see `slotsOf`), resolved once when
 * the framework is compiled, so no evaluation looks an input up by name.
 */
export interface Env<N> {
  readonly numbers: readonly (N | undefined)[];
  readonly booleans: readonly (boolean | undefined)[];
  /** Tier choices; `score` is absent when the form gives the tier alone. */
  readonly tiers: readonly ({ readonly tier: string; readonly score: N | undefined } | undefined)[];
  /** Check results, own properties only. */
  readonly checks: readonly (ReadonlyMap<string, boolean> | undefined)[];
  /** Inputs that were given but could not be read (their issue is reported where they were read). */
  readonly invalid: readonly boolean[];
}

/**
 * A fact a kernel or expression reports instead of a score: a code and the values involved (exact values of
 * the calculator, or plain strings). Messages are written later, by the explanation layer.
 */
export interface Finding {
  readonly code: CoreIssueCode;
  /** Where, when it is an input rather than the indicator itself. */
  readonly path?: IssuePath;
  readonly data: { readonly [key: string]: unknown };
}

/** A kernel's structured outcome: the kind and the facts a reader needs, as exact values. No text. */
export interface KernelOutcome {
  readonly kind: string;
  readonly [fact: string]: unknown;
}

/** What scoring one node records: its inputs and findings, and (when it keeps facts) the kernel's outcome. */
export interface Trace {
  /** Inputs read that had a value. */
  readonly read: string[];
  /** Inputs read that had no value. */
  readonly missing: string[];
  /** Inputs read whose value could not be read, or that a kernel found invalid. */
  readonly invalid: Finding[];
  /** Computation faults (division by zero, a value outside every band…). */
  readonly faults: Finding[];
  /** Notices that do not stop scoring (review over-completion, clamped tier score…). */
  readonly warnings: Finding[];
  /**
   * Does it keep the facts a sheet explains: the inputs read (`read`) and the kernel's `outcome`? The fast path,
   * which builds no sheet, leaves it off, and kernels then build no outcome.
   */
  readonly facts: boolean;
  /** The outcome of the kernel that scored the node (set by the kernel, only when `facts`). */
  outcome: KernelOutcome | undefined;
}

/** A fresh trace. */
export const newTrace = (facts = true): Trace => ({ read: [], missing: [], invalid: [], faults: [], warnings: [], facts, outcome: undefined });

/** Has anything kept this trace's node from scoring? */
export const blocked = (t: Trace): boolean => t.missing.length > 0 || t.invalid.length > 0 || t.faults.length > 0;

const addOnce = (list: string[], name: string): void => {
  if (!list.includes(name)) list.push(name);
};

/** Records that input `name` (at `slot`) was read from `env`: present, missing or invalid. Returns true when it has a value. */
export function noteRead<N>(env: Env<N>, t: Trace, name: string, slot: number, present: boolean): boolean {
  if (present) {
    if (t.facts) addOnce(t.read, name);
  }
  else if (env.invalid[slot] === true) {
    if (!t.invalid.some((f) => f.data.input === name)) t.invalid.push({ code: 'invalid-input', path: ['values', name], data: { input: name } });
  } else addOnce(t.missing, name);
  return present;
}
