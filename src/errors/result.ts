import type { Issues } from './issue.js';

/** 校验结果。Result of a safe call: the value, or a non-empty list of issues. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: Issues };
