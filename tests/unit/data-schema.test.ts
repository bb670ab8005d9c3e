// The schemas data/ is parsed with at load: they must refuse the mistakes they exist to catch.
import { describe, expect, it } from 'vitest';
import {
  AliasSchema,
  EntitySchema,
  FactSchema,
  FigureCellSchema,
  MeasureSchema,
  entities,
} from '../../data';

const validEntity = () => structuredClone(entities[0]) as unknown as Record<string, unknown>;

describe('data schemas', () => {
  it('accept the shipped entities', () => {
    for (const entity of entities) expect(EntitySchema.safeParse(entity).success).toBe(true);
  });

  it('tie an alias’s language to its script and keep case sensitivity for Latin text', () => {
    expect(AliasSchema.safeParse({ text: '智谱', lang: 'zh' }).success).toBe(true);
    expect(AliasSchema.safeParse({ text: '智谱', lang: 'en' }).success).toBe(false);
    expect(AliasSchema.safeParse({ text: 'Zhipu', lang: 'zh' }).success).toBe(false);
    expect(AliasSchema.safeParse({ text: '中超', lang: 'zh', caseSensitive: true }).success).toBe(
      false,
    );
    expect(AliasSchema.safeParse({ text: '  ', lang: 'en' }).success).toBe(false);
  });

  it('refuse entities with a bad id, no aliases, no facts or a one-language description', () => {
    const cases: [string, unknown][] = [
      ['id', 'Zhipu AI'],
      ['aliases', []],
      ['facts', []],
      ['description', { en: 'only English' }],
      ['group', 'companies'],
    ];
    for (const [key, value] of cases) {
      expect(EntitySchema.safeParse({ ...validEntity(), [key]: value }).success, key).toBe(false);
    }
  });

  it('keep "not reported" apart from numbers and every cell sourced', () => {
    expect(MeasureSchema.safeParse({ kind: 'not-reported' }).success).toBe(true);
    expect(MeasureSchema.safeParse({ kind: 'not-reported', value: 0 }).success).toBe(false);
    expect(
      MeasureSchema.safeParse({ kind: 'figure', value: 1, unit: 'CNY', bound: 'under' }).success,
    ).toBe(false);
    expect(MeasureSchema.safeParse({ kind: 'figure', value: Infinity, unit: 'CNY' }).success).toBe(
      false,
    );
    expect(FigureCellSchema.safeParse({ kind: 'figure', value: 1, unit: 'USD' }).success).toBe(
      false,
    );
    expect(
      FigureCellSchema.safeParse({ kind: 'figure', value: 1, unit: 'USD', source: 'risks' })
        .success,
    ).toBe(true);
  });

  it('require every fact to cite a part of the article', () => {
    const fact = { id: 'x', label: { en: 'X', zh: '某' }, value: { kind: 'not-reported' } };
    expect(FactSchema.safeParse({ ...fact, sources: [] }).success).toBe(false);
    expect(FactSchema.safeParse({ ...fact, sources: ['appendix'] }).success).toBe(false);
    expect(FactSchema.safeParse({ ...fact, sources: ['verdict'] }).success).toBe(true);
  });
});
