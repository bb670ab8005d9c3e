import { z } from '../core/zod';
import { authoredEntities } from './entities';
import { entityAliases } from './entity-aliases';
import { articleData } from './article';
import { deriveFacts } from './derive-facts';
import { freezeDeep } from './freeze-deep';
import { groupsData } from './groups';
import {
  ArticleSchema,
  AuthoredEntitySchema,
  BenchmarkTableSchema,
  EntityAliasesSchema,
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
// parsing these schemas there costs time on every page. The data is constant and typed, the
// tests parse it (and check that parsing changes nothing), so the shipped objects are the checked
// ones. Each parse sits in a branch the constant rules out, written at the call site (not in a
// helper taking the schema), so the bundler drops the parse and with it the schemas only it uses.
const PARSE = import.meta.env?.PROD !== true;

export const article: Readonly<Article> = freezeDeep(
  PARSE ? ArticleSchema.parse(articleData) : articleData,
);
export const groups: readonly Group[] = freezeDeep(
  PARSE ? z.array(GroupSchema).parse(groupsData) : groupsData,
);

export const benchmarkTable: Readonly<BenchmarkTable> = freezeDeep(
  PARSE ? BenchmarkTableSchema.parse(benchmarkTableData) : benchmarkTableData,
);
export const landscapeTable: Readonly<LandscapeTable> = freezeDeep(
  PARSE ? LandscapeTableSchema.parse(landscapeTableData) : landscapeTableData,
);
export const marketTable: Readonly<MarketTable> = freezeDeep(
  PARSE ? MarketTableSchema.parse(marketTableData) : marketTableData,
);
export const footballTable: Readonly<FootballTable> = freezeDeep(
  PARSE ? FootballTableSchema.parse(footballTableData) : footballTableData,
);

const authored = PARSE ? z.array(AuthoredEntitySchema).parse(authoredEntities) : authoredEntities;

const names = new Map(authored.map((entity) => [entity.id, entity.name]));
const nameOf = (id: string): LocalText => names.get(id) ?? { en: id, zh: id };

const derived = deriveFacts({ benchmarkTable, landscapeTable, marketTable, footballTable }, nameOf);

const named = PARSE ? z.array(EntityAliasesSchema).parse(entityAliases) : entityAliases;
const written = new Map(authored.map((entity) => [entity.id, entity]));

// In the aliases' order (group order). The meta-tests check that both lists name the same
// entities; an entity with nothing written for it would have no card, so it is left out.
const built: Entity[] = named.flatMap(({ id, group, aliases }) => {
  const entity = written.get(id);
  if (entity === undefined) return [];
  return [{ ...entity, group, aliases, facts: [...(derived.get(id) ?? []), ...entity.facts] }];
});

/** Every entity, table figures first, then the facts written for it. */
export const entities: readonly Entity[] = freezeDeep(
  PARSE ? z.array(EntitySchema).parse(built) : built,
);

const byId = new Map(entities.map((entity) => [entity.id, entity]));

export function entityById(id: string): Entity | undefined {
  return byId.get(id);
}
