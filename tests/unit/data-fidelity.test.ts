// Every figure of the article's tables, and every figure its prose gives about an entity, must be
// what data/ holds, once rendered back into the article's own notation.
import { describe, expect, it } from 'vitest';
import {
  benchmarkTable,
  entities,
  entityById,
  footballTable,
  landscapeTable,
  marketTable,
  type FigureCell,
  type Measure,
  type SectionId,
} from '../../data';
import {
  containsFigure,
  mentionsFigure,
  renderParameters,
  renderProse,
  renderTableNumber,
  renderValuation,
  renderYear,
} from './article-notation';
import {
  ARTICLE_PATH,
  articleIsPresent,
  readArticle,
  type ArticleParts,
  type MarkdownTable,
} from './article-text';

const present = articleIsPresent();
const title = present
  ? 'data/ matches the article'
  : `data/ matches the article: SKIPPED, the article is not at ${ARTICLE_PATH}`;

function nameEn(id: string): string {
  const entity = entityById(id);
  if (!entity) throw new Error(`unknown entity ${id}`);
  return entity.name.en;
}

/** Ids of the entities whose English name or Latin alias appears as whole words in `text`. */
function entityIdsNamedIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const entity of entities) {
    const texts = entity.aliases.filter((alias) => alias.lang === 'en');
    for (const alias of texts) {
      const escaped = alias.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const pattern = new RegExp(
        `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`,
        alias.caseSensitive === true ? 'u' : 'iu',
      );
      if (pattern.test(text)) found.add(entity.id);
    }
  }
  return found;
}

/** The prose form without its "over" bound: '€1 billion' for 'over €1 billion'. */
function proseCore(measure: Measure): string | undefined {
  if (measure.kind === 'not-reported') return undefined;
  return renderProse({ ...measure, bound: undefined });
}

/** Money, percentages and multiples as the prose prints them: '€270 million', '70%', '2x'. */
const PROSE_FIGURE =
  /[¥€£$]\d[\d,.]*(?:\s(?:million|billion|trillion)|[MBT])?|\d[\d,.]*[%x](?![\p{L}\p{N}])/gu;
const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/g;

function proseFigures(text: string): string[] {
  return [...text.matchAll(PROSE_FIGURE)].map((match) => match[0].replace(/[.,]$/, ''));
}

function isTableSection(id: SectionId): boolean {
  return id.endsWith('-table');
}

describe.skipIf(!present)(title, () => {
  // Collection still runs the body of a skipped suite, so only read when the file is there.
  const parts: ArticleParts = present ? readArticle() : { sections: new Map(), tables: new Map() };
  const tableOf = (id: SectionId): MarkdownTable => {
    const table = parts.tables.get(id);
    if (!table) throw new Error(`the article has no table for ${id}`);
    return table;
  };
  const textOf = (id: SectionId): string => parts.sections.get(id) ?? '';

  it('benchmark table: headers and every cell', () => {
    const table = tableOf('benchmark-table');
    expect(table.header).toEqual([
      'Model',
      'Parameters',
      ...benchmarkTable.benchmarks.map((b) => `${nameEn(b.benchmarkId)} (${b.setting})`),
    ]);
    const rendered = benchmarkTable.rows.map((row) => [
      nameEn(row.modelId),
      renderParameters(row.parameters),
      ...benchmarkTable.benchmarks.map((b) => renderTableNumber(row.scores[b.benchmarkId])),
    ]);
    expect(rendered).toEqual(table.rows);
  });

  it('competitive landscape: company, flagship and valuation cells', () => {
    const table = tableOf('competitive-table');
    const headerSaysEstimated = (table.header[2] ?? '').includes('(est.)');
    expect(headerSaysEstimated).toBe(true);
    for (const row of landscapeTable.rows) {
      expect(row.valuation.kind === 'figure' && row.valuation.estimated).toBe(headerSaysEstimated);
    }
    const rendered = landscapeTable.rows.map((row) => [
      nameEn(row.companyId),
      nameEn(row.flagshipModelId),
      renderValuation(row.valuation),
    ]);
    expect(rendered).toEqual(table.rows.map((cells) => cells.slice(0, 3)));
  });

  it('competitive landscape: differentiators keep the article’s items, funders are its entities', () => {
    const table = tableOf('competitive-table');
    expect(table.rows).toHaveLength(landscapeTable.rows.length);
    landscapeTable.rows.forEach((row, i) => {
      const cells = table.rows[i] ?? [];
      const itemCount = (cell: string | undefined) => (cell ?? '').split(', ').length;
      expect(row.differentiator.text.en.split(', ')).toHaveLength(itemCount(cells[3]));
      expect(row.differentiator.text.zh.split('、')).toHaveLength(itemCount(cells[3]));
      expect(row.funding.text.en.split(', ')).toHaveLength(itemCount(cells[4]));
      expect(row.funding.text.zh.split('、')).toHaveLength(itemCount(cells[4]));
      expect(new Set(row.funding.funderIds)).toEqual(entityIdsNamedIn(cells[4] ?? ''));
    });
  });

  it('market table: headers, scale, qualifiers and every cell', () => {
    const table = tableOf('market-table');
    expect(table.header[0]).toBe('Year');
    const columns = marketTable.columns.map((column, i) => {
      const header = table.header[i + 1] ?? '';
      const match = /^(.*?)\s*\((est\.\s*)?¥([MBT])\)$/.exec(header);
      if (!match) throw new Error(`unexpected market header: ${header}`);
      expect(column.label.en.toLowerCase()).toBe((match[1] ?? '').toLowerCase());
      const scale = { M: 1e6, B: 1e9, T: 1e12 }[match[3] as 'M' | 'B' | 'T'];
      return { key: column.key, scale, estimated: match[2] !== undefined };
    });
    expect(table.header).toHaveLength(columns.length + 1);

    const rendered = marketTable.rows.map((row) => [
      renderYear(row.year),
      ...columns.map(({ key, scale }) => renderTableNumber(row[key], scale)),
    ]);
    expect(rendered).toEqual(table.rows);

    for (const row of marketTable.rows) {
      const projected = row.year.kind === 'figure' && row.year.projected === true;
      for (const { key, estimated } of columns) {
        const cell = row[key];
        expect(cell.kind).toBe('figure');
        if (cell.kind !== 'figure') continue;
        expect(cell.unit).toBe('CNY');
        expect(cell.estimated === true).toBe(estimated);
        expect(cell.projected === true).toBe(projected);
      }
    }
  });

  it('football deals: each bullet gives exactly the figures the deal holds', () => {
    const bullets = textOf('key-players')
      .split('\n')
      .filter((line) => line.startsWith('- '));
    for (const deal of footballTable.deals) {
      const line = bullets.find((bullet) => bullet.includes(nameEn(deal.investorId)));
      expect(line, `bullet for ${deal.investorId}`).toBeDefined();
      if (line === undefined) continue;
      expect(entityIdsNamedIn(line)).toContain(deal.clubId);
      for (const lenderId of deal.lenderIds) expect(entityIdsNamedIn(line)).toContain(lenderId);

      const cells: FigureCell[] = [
        deal.stake,
        deal.price,
        deal.year,
        deal.laterInvestment,
        deal.outcomeYear,
        deal.defaultedLoan,
        deal.losses,
      ];
      const figures = cells.filter((cell) => cell.kind === 'figure');
      for (const cell of figures) {
        expect(mentionsFigure(line, cell), `${renderProse(cell)} in "${line}"`).toBe(true);
      }
      // Qualifier words appear exactly when a figure carries the qualifier.
      expect(/\bestimated\b/.test(line)).toBe(figures.some((cell) => cell.estimated === true));
      expect(/\breportedly\b/.test(line)).toBe(figures.some((cell) => cell.reportedly === true));
      // The other way round: nothing the bullet states is missing (a "—" must really be absent).
      const years = cells.flatMap((c) =>
        c.kind === 'figure' && c.unit === 'year' ? [String(c.value)] : [],
      );
      expect(new Set(line.match(YEAR) ?? [])).toEqual(new Set(years));
      const amounts = cells.flatMap((c) => {
        const core = c.kind === 'figure' && c.unit !== 'year' ? proseCore(c) : undefined;
        return core === undefined ? [] : [core];
      });
      expect(new Set(proseFigures(line))).toEqual(new Set(amounts));
    }
  });

  it('football spree: the total and its years are in one sentence', () => {
    const { spent, fromYear, toYear } = footballTable.spree;
    const sentence = textOf('key-players')
      .split(/(?<=\.)\s+/)
      .find((s) => mentionsFigure(s, spent));
    expect(sentence, renderProse(spent)).toBeDefined();
    expect(mentionsFigure(sentence ?? '', fromYear)).toBe(true);
    expect(mentionsFigure(sentence ?? '', toYear)).toBe(true);
    expect(entityIdsNamedIn(textOf('key-players'))).toContain(footballTable.spree.leagueId);
  });

  it('every figure fact cited from prose is printed in the part it cites', () => {
    const missing: string[] = [];
    for (const entity of entities) {
      for (const fact of entity.facts) {
        if (fact.value.kind !== 'figure') continue;
        const proseSources = fact.sources.filter((id) => !isTableSection(id));
        if (proseSources.length === 0) continue;
        const { value } = fact;
        if (!proseSources.some((id) => mentionsFigure(textOf(id), value))) {
          missing.push(
            `${entity.id}/${fact.id}: ${renderProse(value)} in ${proseSources.join(', ')}`,
          );
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every money, percentage and multiple in the prose is in data/', () => {
    const known = new Set<string>();
    const addCore = (measure: Measure) => {
      const core = proseCore(measure);
      if (core !== undefined) known.add(core);
    };
    for (const entity of entities) {
      for (const fact of entity.facts) if (fact.value.kind === 'figure') addCore(fact.value);
    }
    for (const row of marketTable.rows) {
      for (const { key } of marketTable.columns) addCore(row[key]);
    }
    // The market takeaway's "the AI market expanded 4x" spans the first year to the latest reported one.
    const reported = marketTable.rows.filter((r) => r.year.kind === 'figure' && !r.year.projected);
    const [first, latest] = [reported[0], reported.at(-1)];
    if (first?.aiMarket.kind === 'figure' && latest?.aiMarket.kind === 'figure') {
      const growth = renderProse({
        kind: 'figure',
        unit: 'ratio',
        value: latest.aiMarket.value / first.aiMarket.value,
      });
      expect(containsFigure(textOf('market-takeaway'), growth)).toBe(true);
      known.add(growth);
    }
    // Figures about no entity of ours: the "3-5x" multiple for start-ups in general.
    const aboutNoEntity = new Map<SectionId, string[]>([['industry-impact', ['5x']]]);

    const unknown: string[] = [];
    for (const [id, text] of parts.sections) {
      if (isTableSection(id)) continue;
      for (const figure of proseFigures(text)) {
        if (!known.has(figure) && !(aboutNoEntity.get(id) ?? []).includes(figure)) {
          unknown.push(`${id}: ${figure}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });
});
