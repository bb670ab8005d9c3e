import { z } from 'zod';
import { articleData } from './article';
import { deriveFacts } from './derive-facts';
import { aiCompanies } from './entities/ai-companies';
import { benchmarks } from './entities/benchmarks';
import { clubsAndLeagues, footballInvestors } from './entities/football';
import { fundsAndInvestors, others } from './entities/funds-and-others';
import { models } from './entities/models';
import { freezeDeep } from './freeze-deep';
import { groupsData } from './groups';
import {
  ArticleSchema,
  AuthoredEntitySchema,
  BenchmarkTableSchema,
  EntitySchema,
  FootballTableSchema,
  GroupSchema,
  LandscapeTableSchema,
  MarketTableSchema,
  type Article,
  type BenchmarkTable,
  type Entity,
  type FootballTable,
  type Group,
  type LandscapeTable,
  type LocalText,
  type MarketTable,
} from './schema';
import { benchmarkTableData } from './tables/benchmark-table';
import { footballTableData } from './tables/football-table';
import { landscapeTableData } from './tables/landscape-table';
import { marketTableData } from './tables/market-table';

export * from './schema';

// Everything is parsed (not cast) once at load, then frozen: every UI shares these objects, and
// a UI that sorted a table in place would otherwise change it for the others.

export const article: Readonly<Article> = freezeDeep(ArticleSchema.parse(articleData));
export const groups: readonly Group[] = freezeDeep(z.array(GroupSchema).parse(groupsData));

export const benchmarkTable: Readonly<BenchmarkTable> = freezeDeep(
  BenchmarkTableSchema.parse(benchmarkTableData),
);
export const landscapeTable: Readonly<LandscapeTable> = freezeDeep(
  LandscapeTableSchema.parse(landscapeTableData),
);
export const marketTable: Readonly<MarketTable> = freezeDeep(
  MarketTableSchema.parse(marketTableData),
);
export const footballTable: Readonly<FootballTable> = freezeDeep(
  FootballTableSchema.parse(footballTableData),
);

const authored = z
  .array(AuthoredEntitySchema)
  .parse([
    ...aiCompanies,
    ...models,
    ...benchmarks,
    ...footballInvestors,
    ...clubsAndLeagues,
    ...fundsAndInvestors,
    ...others,
  ]);

const names = new Map(authored.map((entity) => [entity.id, entity.name]));
const nameOf = (id: string): LocalText => names.get(id) ?? { en: id, zh: id };

const derived = deriveFacts({ benchmarkTable, landscapeTable, marketTable, footballTable }, nameOf);

/** Every entity, table figures first, then the facts written for it. */
export const entities: readonly Entity[] = freezeDeep(
  z.array(EntitySchema).parse(
    authored.map((entity) => ({
      ...entity,
      facts: [...(derived.get(entity.id) ?? []), ...entity.facts],
    })),
  ),
);

const byId = new Map(entities.map((entity) => [entity.id, entity]));

export function entityById(id: string): Entity | undefined {
  return byId.get(id);
}
