// Checks on data/ itself (the registry every UI is generated from), independent of the article.
import { describe, expect, it } from 'vitest';
import { authoredEntities } from '../../data/entities';
import { entityAliases } from '../../data/entity-aliases';
import {
  SectionIdSchema,
  article,
  benchmarkTable,
  entities,
  entityById,
  footballTable,
  groups,
  landscapeTable,
  marketTable,
  type Entity,
  type FigureCell,
  type GroupId,
} from '../../data';

const HAN = /\p{Script=Han}/u;

/** How the matcher compares aliases: NFKC, case-folded, trimmed. */
function aliasKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

function expectEntity(id: string, group?: GroupId): void {
  const entity = entityById(id);
  expect(entity, `entity ${id}`).toBeDefined();
  if (group !== undefined) expect(entity?.group, `group of ${id}`).toBe(group);
}

describe('entities', () => {
  it('has unique ids', () => {
    const ids = entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names every written entity once in the alias list, and nothing else', () => {
    // data/index.ts joins the two lists by id and leaves out an id either one lacks.
    const named = entityAliases.map((e) => e.id);
    const written = authoredEntities.map((e) => e.id);
    expect(new Set(named).size).toBe(named.length);
    expect(new Set(written).size).toBe(written.length);
    expect([...named].sort()).toEqual([...written].sort());
    expect(entities.map((e) => e.id)).toEqual(named);
  });

  it('covers every entity the foundation issue lists', () => {
    const required = [
      'zhipu-ai',
      'glm-4',
      'glm-4-9b-chat',
      'glm-130b',
      'glm-5',
      'cogvideo',
      'cogview',
      'codegeex',
      'gpt-4',
      'claude-3-opus',
      'qwen-72b',
      'qwen-2-5',
      'llama-3-8b',
      'baidu',
      'ernie-4-0',
      'alibaba',
      'tencent',
      'deepseek',
      'deepseek-v2',
      'moonshot-ai',
      'kimi',
      'hongshan',
      'nvidia',
      'chatbot-arena',
      'mmlu',
      'c-eval',
      'gsm8k',
      'humaneval',
      'suning',
      'inter-milan',
      'oaktree-capital',
      'fosun',
      'wolves',
      'dalian-wanda',
      'atletico-madrid',
      'chinese-super-league',
      'ciif',
      'big-fund',
    ];
    for (const id of required) expectEntity(id);
  });

  it.each(entities.map((e) => [e.id, e] as const))(
    '%s has names, a description, aliases in each of its languages, and facts',
    (_id, entity: Entity) => {
      for (const text of [entity.name, entity.description]) {
        expect(text.en.trim()).not.toBe('');
        expect(text.zh.trim()).not.toBe('');
      }
      expect(HAN.test(entity.description.zh), 'Chinese description is in Chinese').toBe(true);
      expect(entity.facts.length).toBeGreaterThan(0);

      const keys = entity.aliases.map((a) => aliasKey(a.text));
      expect(new Set(keys).size, 'no alias repeated within the entity').toBe(keys.length);
      expect(entity.aliases.some((a) => a.lang === 'en')).toBe(true);
      if (HAN.test(entity.name.zh)) expect(entity.aliases.some((a) => a.lang === 'zh')).toBe(true);
      // The names the UI shows must also be found on pages.
      expect(keys).toContain(aliasKey(entity.name.en));
      expect(keys).toContain(aliasKey(entity.name.zh));
    },
  );

  it('gives no alias to two entities', () => {
    const owners = new Map<string, string[]>();
    for (const entity of entities) {
      for (const alias of entity.aliases) {
        const key = aliasKey(alias.text);
        owners.set(key, [...new Set([...(owners.get(key) ?? []), entity.id])]);
      }
    }
    const shared = [...owners].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([]);
  });

  it('keeps ambiguous short names out of the aliases', () => {
    const ambiguous = [
      'Inter',
      'Wanda',
      'Claude',
      'Claude 3',
      'GLM',
      'Qwen',
      '通义千问',
      'CSL',
      '万达',
    ];
    const all = entities.flatMap((e) => e.aliases.map((a) => aliasKey(a.text)));
    for (const name of ambiguous) expect(all).not.toContain(aliasKey(name));
  });

  it('marks aliases case-sensitive where the lowercase form is an ordinary word', () => {
    const caseSensitive = new Set(
      entities.flatMap((e) => e.aliases.filter((a) => a.caseSensitive === true).map((a) => a.text)),
    );
    for (const text of ['ERNIE', 'Wolves', 'Big Fund', 'Moonshot', 'Kimi']) {
      expect(caseSensitive).toContain(text);
    }
  });

  it('links related entities that exist, never itself', () => {
    for (const entity of entities) {
      expect(new Set(entity.related).size).toBe(entity.related.length);
      expect(entity.related).not.toContain(entity.id);
      for (const id of entity.related) expectEntity(id);
    }
    const links: [string, string][] = [
      ['glm-4', 'zhipu-ai'],
      ['suning', 'inter-milan'],
      ['inter-milan', 'suning'],
      ['inter-milan', 'oaktree-capital'],
      ['qwen-72b', 'alibaba'],
      ['ernie-4-0', 'baidu'],
      ['kimi', 'moonshot-ai'],
      ['deepseek-v2', 'deepseek'],
    ];
    for (const [from, to] of links) expect(entityById(from)?.related, from).toContain(to);
  });

  it('gives each fact a unique id, existing references and known sources', () => {
    const sections = new Set(article.sections.map((s) => s.id));
    for (const entity of entities) {
      const ids = entity.facts.map((f) => f.id);
      expect(new Set(ids).size, `${entity.id} fact ids`).toBe(ids.length);
      for (const fact of entity.facts) {
        for (const source of fact.sources) expect(sections).toContain(source);
        for (const id of fact.refs ?? []) expectEntity(id);
        if (fact.value.kind === 'entities') for (const id of fact.value.ids) expectEntity(id);
        if (fact.value.kind === 'figure') {
          expect(Number.isFinite(fact.value.value)).toBe(true);
          expect(fact.value.value).toBeGreaterThan(0);
        }
      }
    }
  });

  it('types no table figure a second time in the hand-written facts', () => {
    const tableCells: FigureCell[] = [
      ...benchmarkTable.rows.flatMap((r) => [r.parameters, ...Object.values(r.scores)]),
      ...landscapeTable.rows.map((r) => r.valuation),
      ...marketTable.rows.flatMap((r) => marketTable.columns.map((c) => r[c.key])),
      ...footballTable.deals.flatMap((d) => [
        d.stake,
        d.price,
        d.year,
        d.laterInvestment,
        d.outcomeYear,
        d.defaultedLoan,
        d.losses,
      ]),
      footballTable.spree.spent,
    ];
    const inTables = new Set(
      tableCells.flatMap((c) => (c.kind === 'figure' ? [`${c.value} ${c.unit}`] : [])),
    );
    const authored = authoredEntities;
    const retyped = authored.flatMap((entity) =>
      entity.facts.flatMap((fact) =>
        fact.value.kind === 'figure' && inTables.has(`${fact.value.value} ${fact.value.unit}`)
          ? [`${entity.id}/${fact.id}`]
          : [],
      ),
    );
    expect(retyped).toEqual([]);
  });
});

describe('groups and sections', () => {
  it('lists each group once and puts every entity in a listed group', () => {
    const ids = groups.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const group of groups) {
      expect(
        entities.some((e) => e.group === group.id),
        `${group.id} has entities`,
      ).toBe(true);
    }
  });

  it('names every section a fact may cite, in the schema’s order', () => {
    expect(article.sections.map((s) => s.id)).toEqual(SectionIdSchema.options);
  });
});

describe('tables', () => {
  it('refer to entities of the right group', () => {
    for (const { benchmarkId } of benchmarkTable.benchmarks)
      expectEntity(benchmarkId, 'benchmarks');
    for (const row of benchmarkTable.rows) expectEntity(row.modelId, 'models');
    for (const row of landscapeTable.rows) {
      expectEntity(row.companyId, 'ai-companies');
      expectEntity(row.flagshipModelId, 'models');
      for (const id of row.funding.funderIds) expectEntity(id);
    }
    for (const column of marketTable.columns) if (column.entityId) expectEntity(column.entityId);
    expectEntity(footballTable.spree.leagueId, 'clubs-leagues');
    for (const deal of footballTable.deals) {
      expectEntity(deal.investorId, 'football-investors');
      expectEntity(deal.clubId, 'clubs-leagues');
      for (const id of deal.lenderIds) expectEntity(id);
    }
  });

  it('have the article’s shape: 4 models × 4 benchmarks, 5 companies, 4 years, 3 deals', () => {
    expect(benchmarkTable.rows).toHaveLength(4);
    expect(benchmarkTable.benchmarks).toHaveLength(4);
    expect(landscapeTable.rows).toHaveLength(5);
    expect(marketTable.rows).toHaveLength(4);
    expect(marketTable.columns).toHaveLength(4);
    expect(footballTable.deals).toHaveLength(3);
  });

  it('mark a projected market year on every cell of its row', () => {
    for (const row of marketTable.rows) {
      const projected = row.year.kind === 'figure' && row.year.projected === true;
      for (const { key } of marketTable.columns) {
        const cell = row[key];
        expect(cell.kind === 'figure' && cell.projected === true).toBe(projected);
      }
    }
  });

  it('are shared read-only', () => {
    expect(Object.isFrozen(benchmarkTable.rows)).toBe(true);
    expect(Object.isFrozen(footballTable.deals[0]?.stake)).toBe(true);
    expect(Object.isFrozen(entities[0]?.facts)).toBe(true);
  });

  it('answer unknown ids with undefined', () => {
    expect(entityById('no-such-entity')).toBeUndefined();
    expect(entityById('zhipu-ai')?.name.en).toBe('Zhipu AI');
  });
});
