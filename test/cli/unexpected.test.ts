import { describe, expect, it, vi } from 'vitest';
import { runIn, STACK, TINY_VALUES, tinyEvaluation } from './helpers.js';

/*
 * A defect in the library (simulated: safeEvaluate throws a plain TypeError) must give exit code 3 and one
 * line, not a stack trace; JIXIAO_DEBUG=1 adds the stack trace.
 */
const defect = vi.hoisted(() => ({ as: 'exception' as 'exception' | 'issue' }));

vi.mock('../../src/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/index.js')>();
  return {
    ...original,
    safeEvaluate: () => {
      if (defect.as === 'issue') {
        const issue = { code: 'internal-error', path: [], message: 'jixiao 内部错误：x', messageEn: 'Internal error in jixiao: x' } as const;
        return { ok: false, issues: [issue] };
      }
      throw new TypeError('Cannot read properties of undefined\n(reading "x")');
    },
  };
});

describe('unexpected errors 意外错误', () => {
  it('exit with code 3 and one line, without a stack trace', () => {
    const { path } = tinyEvaluation(`framework: ./framework.yaml\n${TINY_VALUES}`);
    for (const command of ['score', 'validate']) {
      const r = runIn([command, path]);
      expect(r.code, command).toBe(3);
      expect(r.out).toBe('');
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^意外错误.*\/ Unexpected error.*TypeError: Cannot read properties of undefined \(reading "x"\)/);
      expect(r.err).toContain('JIXIAO_DEBUG=1');
      expect(r.err).not.toMatch(STACK);
    }
  });

  it('print the stack trace when JIXIAO_DEBUG=1', () => {
    const { path } = tinyEvaluation(`framework: ./framework.yaml\n${TINY_VALUES}`);
    const r = runIn(['score', path], { JIXIAO_DEBUG: '1' });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(STACK);
  });

  it('are not confused with usage errors or issues', () => {
    const { path } = tinyEvaluation('framework: ./framework.yaml\nvalues: { actual: .inf }\n');
    expect(runIn(['validate', path]).code).toBe(1); // stops before evaluating
    expect(runIn(['validate', `${path}.missing`]).code).toBe(2);
  });

  it('an internal-error issue from the library also exits with code 3, with the issue printed', () => {
    defect.as = 'issue';
    try {
      const { path } = tinyEvaluation(`framework: ./framework.yaml\n${TINY_VALUES}`);
      const r = runIn(['validate', path]);
      expect(r.code).toBe(3);
      expect(r.err).toContain('- [internal-error] (根 root)：jixiao 内部错误：x');
    } finally {
      defect.as = 'exception';
    }
  });
});
