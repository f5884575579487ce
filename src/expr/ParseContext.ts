import type { Dec } from '../calc/decimal.js';
import type { CoreIssueCode } from '../errors/codes.js';
import type { IssuePath } from '../errors/issue.js';
import type { Num } from './types.js';

/** 输入类型。The declared type of an input (see `InputDeclaration`). */
export type InputType = 'number' | 'percent' | 'fraction' | 'boolean' | 'score' | 'tier' | 'checks';

/**
 * What parsing a definition needs: a place to report issues, a number reader that reports what it cannot
 * read, and the declared input types. Parsers return the parsed value, or `undefined` after reporting.
 */
export interface ParseContext {
  /** Records an issue at `path`. */
  readonly report: (code: CoreIssueCode, path: IssuePath, data?: { readonly [key: string]: string }) => void;
  /** Reads a literal once (`invalid-number` / `number-out-of-range` when it cannot). */
  readonly num: (value: Num, path: IssuePath) => Dec | undefined;
  /** Declared (and implicit) input types by name. */
  readonly inputTypes: ReadonlyMap<string, InputType>;
  /** Told of every input name an expression or condition reads (so the framework knows who reads what). */
  readonly noteInput?: (name: string) => void;
}
