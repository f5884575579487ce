import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defineFramework, JixiaoError, validateFramework } from '../../src/index.js';

const load = (path: string): unknown => parse(readFileSync(new URL(`../../examples/${path}`, import.meta.url), 'utf8'));

describe('published frameworks that do not add up 原文分值不平衡', () => {
  it('seed 001 (山丹 2023): level-1 weights sum to 90, not 100', () => {
    const result = validateFramework(load('shandan-2023/framework.yaml'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue.code).toBe('total-mismatch');
    expect(issue.path).toEqual(['indicators']);
    expect(issue.data).toMatchObject({ actual: '90', expected: '100' });
    expect(issue.message).toContain('90');
    expect(issue.messageEn).toContain('90');
  });

  it('seed 001 throws one JixiaoError from defineFramework', () => {
    expect(() => defineFramework(load('shandan-2023/framework.yaml') as never)).toThrow(JixiaoError);
  });

  it('seed 001 with a total of 90 is valid', () => {
    const def = { ...(load('shandan-2023/framework.yaml') as object), total: 90 };
    expect(validateFramework(def).ok).toBe(true);
  });
});
