import { z } from '../core/zod';
import { authoredEntities } from './entities';
import { articleData } from './article';
import { deriveFacts } from './derive-facts';
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

// Everything is parsed (not cast) at load, then frozen: every UI shares these objects, and a UI
// that sorted a table in place would otherwise change it for the others.
//
// A production build skips the parse: the content script loads this module on every page, and
// zod's first parse of these schemas costs tens of milliseconds there. The data is constant, the
// tests parse it (and check that parsing changes nothing), so the shipped objects are the checked
// ones.
function checked<T>(schema: z.ZodType<T>, value: unknown): T {
  return import.meta.env?.PROD === true ? (value as T) : schema.parse(value);
}

export const article: Readonly<Article> = freezeDeep(checked(ArticleSchema, articleData));
export const groups: readonly Group[] = freezeDeep(checked(z.array(GroupSchema), groupsData));

export const benchmarkTable: Readonly<BenchmarkTable> = freezeDeep(
  checked(BenchmarkTableSchema, benchmarkTableData),
);
export const landscapeTable: Readonly<LandscapeTable> = freezeDeep(
  checked(LandscapeTableSchema, landscapeTableData),
);
export const marketTable: Readonly<MarketTable> = freezeDeep(
  checked(MarketTableSchema, marketTableData),
);
export const footballTable: Readonly<FootballTable> = freezeDeep(
  checked(FootballTableSchema, footballTableData),
);

const authored = checked(z.array(AuthoredEntitySchema), authoredEntities);

const names = new Map(authored.map((entity) => [entity.id, entity.name]));
const nameOf = (id: string): LocalText => names.get(id) ?? { en: id, zh: id };

const derived = deriveFacts({ benchmarkTable, landscapeTable, marketTable, footballTable }, nameOf);

/** Every entity, table figures first, then the facts written for it. */
export const entities: readonly Entity[] = freezeDeep(
  checked(
    z.array(EntitySchema),
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
