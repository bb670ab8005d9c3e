import { describe, expect, it } from 'vitest';
import { authoredEntities } from '../../data/entities';
import { entityAliases } from '../../data/entity-aliases';
import { z } from '../../core/zod';
import { articleData } from '../../data/article';
import { groupsData } from '../../data/groups';
import {
  ArticleSchema,
  AuthoredEntitySchema,
  BenchmarkTableSchema,
  EntityAliasesSchema,
  EntitySchema,
  entities,
  FootballTableSchema,
  GroupSchema,
  LandscapeTableSchema,
  MarketTableSchema,
} from '../../data/index';
import { benchmarkTableData } from '../../data/tables/benchmark-table';
import { footballTableData } from '../../data/tables/football-table';
import { landscapeTableData } from '../../data/tables/landscape-table';
import { marketTableData } from '../../data/tables/market-table';

// A production build ships the data without parsing it (data/index.ts). That is only sound if
// parsing is a pure check: it must accept every value and give back exactly what it was given.
describe('parsing the data changes nothing, so production may skip it', () => {
  const cases: [string, z.ZodMiniType, unknown][] = [
    ['article', ArticleSchema, articleData],
    ['groups', z.array(GroupSchema), groupsData],
    ['benchmark table', BenchmarkTableSchema, benchmarkTableData],
    ['landscape table', LandscapeTableSchema, landscapeTableData],
    ['market table', MarketTableSchema, marketTableData],
    ['football table', FootballTableSchema, footballTableData],
    ['authored entities', z.array(AuthoredEntitySchema), authoredEntities],
    ['entity aliases', z.array(EntityAliasesSchema), entityAliases],
    ['entities with derived facts', z.array(EntitySchema), entities],
  ];
  it.each(cases)('%s', (_name, schema, raw) => {
    expect(schema.parse(raw)).toStrictEqual(raw);
  });

  it('would notice a value that parsing rewrites', () => {
    const padded = { ...articleData, title: { en: ' padded ', zh: '标题' } };
    expect(ArticleSchema.parse(padded)).not.toStrictEqual(padded);
  });
});
