import type { FrameworkDefinition, Indicator, InputDeclaration } from '../../src/index.js';

/** A one-level framework around the given leaves; the total is the sum of their weights unless given. */
export function frameworkOf(
  indicators: readonly Indicator[],
  inputs: Record<string, InputDeclaration> = {},
  extra: Partial<FrameworkDefinition> = {},
): FrameworkDefinition {
  const total = indicators.reduce((s, i) => s + Number(i.weight), 0);
  return {
    id: 'test',
    name: '测试',
    scope: 'other',
    total,
    inputs,
    indicators,
    grades: [
      { label: '优', min: 90 },
      { label: '良', min: 80 },
      { label: '中', min: 60 },
      { label: '差', min: 0 },
    ].filter((g) => g.min <= total),
    ...extra,
  };
}
