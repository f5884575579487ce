/**
 * A value made on first use and kept: `lazy(make)` returns a function that calls `make` once and then returns its
 * result. Module-level tables and schemas of the entries beside the scoring core are made this way, each call
 * marked `@__PURE__` in a comment before it: a bundler drops an unused pure call together with its maker, whereas
 * code that runs at import (a zod schema built at the top of a module, a table filled by a loop) stays in every
 * bundle of the file that holds it, and dist/ shares its files between entries.
 */
export function lazy<T extends object>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
