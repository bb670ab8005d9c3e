import { formatAmount, NOT_REPORTED_TEXT, qualifierLabels, sortValue } from '@/core/format-figure';
import type { UiLang } from '@/core/ui-language';
import {
  article,
  benchmarkTable,
  entities,
  entityById,
  groups,
  marketTable,
  type Entity,
  type Fact,
  isCurrencyUnit,
  type GroupId,
  type Measure,
} from '@/data';
import type { ViewId } from '@/core/popup-location';

/**
 * What a card shows for one entity, worked out from data/ with no DOM: every string is final
 * (names in the UI language, figures through core/format-figure), so the components only lay
 * it out and the unit tests can read it.
 */

/** The popup view the card's "Full tables" link opens. */
export type TablesView = ViewId;

export interface ShownFigure {
  /** "~130B", "¥1 trillion", "over 1,250x", or the "not reported" text. */
  text: string;
  /** The article's qualifiers, shown apart from the number: "est.", "proj.", "reportedly". */
  qualifiers: string[];
  notReported: boolean;
}

export interface EntityLink {
  id: string;
  name: string;
}

export interface OtherScore {
  entityId: string;
  name: string;
  text: string;
  /** Position on a 0-100 scale, as a share of the track. */
  fraction: number;
  isBest: boolean;
}

export interface ScoreRow {
  benchmarkId: string;
  name: string;
  setting: string;
  value: ShownFigure;
  /** Undefined when this model has no reported score. */
  fraction: number | undefined;
  rank: number | undefined;
  /** Models with a reported score on this benchmark. */
  of: number;
  isBest: boolean;
  best: { name: string; text: string } | undefined;
  others: OtherScore[];
}

export interface RankRow {
  entityId: string;
  name: string;
  value: ShownFigure;
  fraction: number | undefined;
  rank: number | undefined;
  isBest: boolean;
}

export interface SeriesPoint {
  label: string;
  value: ShownFigure;
  fraction: number | undefined;
}

export interface CardSeries {
  label: string;
  /** Qualifiers every point shares ("est." for the whole revenue column), shown once. */
  qualifiers: string[];
  /** Each point's own qualifiers are only those beyond the shared ones ("proj."). */
  points: SeriesPoint[];
}

export interface CardContent {
  entityId: string;
  group: GroupId;
  groupName: string;
  name: string;
  /** The name in the other UI language, when it differs. */
  otherName: string | undefined;
  description: string;
  /** Models of the benchmark table: their four scores against the other models. */
  scores: ScoreRow[];
  /** Benchmarks: every model's score, best first. */
  ranking: RankRow[];
  /** Yearly figures about this entity from the market table (Zhipu's revenue). */
  series: CardSeries[];
  figures: { id: string; label: string; value: ShownFigure }[];
  texts: { id: string; label: string; text: string }[];
  links: { id: string; label: string; entities: EntityLink[] }[];
  related: EntityLink[];
  source: { title: string; published: string };
  tablesView: TablesView;
}

/** Benchmark scores are percentages: bars are drawn on a fixed 0-100 scale. */
const SCORE_SCALE = 100;

const TABLES_VIEW: Record<GroupId, TablesView> = {
  'ai-companies': 'companies',
  models: 'models',
  benchmarks: 'models',
  'football-investors': 'football',
  'clubs-leagues': 'football',
  'funds-investors': 'page',
  other: 'page',
};

export function showFigure(measure: Measure, lang: UiLang): ShownFigure {
  if (measure.kind === 'not-reported') {
    return { text: NOT_REPORTED_TEXT[lang], qualifiers: [], notReported: true };
  }
  return {
    // Money is spelt out ("¥1 trillion"); model sizes keep the article's short form ("~130B").
    text: formatAmount(measure, { lang, long: isCurrencyUnit(measure.unit) }),
    qualifiers: qualifierLabels(measure, lang),
    notReported: false,
  };
}

function nameOf(id: string, lang: UiLang): string {
  return entityById(id)?.name[lang] ?? id;
}

function link(id: string, lang: UiLang): EntityLink | undefined {
  const entity = entityById(id);
  return entity ? { id, name: entity.name[lang] } : undefined;
}

/** Competition ranking ("1, 2, 2, 4"); not-reported cells get no rank. */
function ranks(values: readonly (number | undefined)[]): (number | undefined)[] {
  return values.map((value) =>
    value === undefined
      ? undefined
      : 1 + values.filter((other) => other !== undefined && other > value).length,
  );
}

function scoreRows(modelId: string, lang: UiLang): ScoreRow[] {
  const row = benchmarkTable.rows.find((candidate) => candidate.modelId === modelId);
  if (!row) return [];
  return benchmarkTable.benchmarks.map(({ benchmarkId, setting }) => {
    const cells = benchmarkTable.rows.map((other) => ({
      entityId: other.modelId,
      cell: other.scores[benchmarkId],
    }));
    const values = cells.map(({ cell }) => (cell ? sortValue(cell) : undefined));
    const rankList = ranks(values);
    const at = cells.findIndex((entry) => entry.entityId === modelId);
    const own = row.scores[benchmarkId];
    const ownValue = values[at];
    const bestIndex = rankList.indexOf(1);
    const bestCell = cells[bestIndex];
    const reported = values.filter((value) => value !== undefined).length;
    return {
      benchmarkId,
      name: nameOf(benchmarkId, lang),
      setting,
      value: own ? showFigure(own, lang) : showFigure({ kind: 'not-reported' }, lang),
      fraction: ownValue === undefined ? undefined : ownValue / SCORE_SCALE,
      rank: rankList[at],
      of: reported,
      isBest: rankList[at] === 1,
      best:
        bestCell?.cell && bestIndex !== at
          ? { name: nameOf(bestCell.entityId, lang), text: showFigure(bestCell.cell, lang).text }
          : undefined,
      others: cells.flatMap(({ entityId, cell }, i): OtherScore[] => {
        const value = values[i];
        if (i === at || value === undefined || !cell) return [];
        return [
          {
            entityId,
            name: nameOf(entityId, lang),
            text: showFigure(cell, lang).text,
            fraction: value / SCORE_SCALE,
            isBest: rankList[i] === 1,
          },
        ];
      }),
    };
  });
}

function rankingRows(benchmarkId: string, lang: UiLang): RankRow[] {
  const column = benchmarkTable.benchmarks.find(
    (candidate) => candidate.benchmarkId === benchmarkId,
  );
  if (!column) return [];
  const cells = benchmarkTable.rows.map((row) => ({
    entityId: row.modelId,
    cell: row.scores[column.benchmarkId],
  }));
  const values = cells.map(({ cell }) => sortValue(cell));
  const rankList = ranks(values);
  return cells
    .map(({ entityId, cell }, i) => ({
      entityId,
      name: nameOf(entityId, lang),
      value: showFigure(cell, lang),
      fraction: values[i] === undefined ? undefined : (values[i] ?? 0) / SCORE_SCALE,
      rank: rankList[i],
      isBest: rankList[i] === 1,
    }))
    .sort((a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY));
}

function marketSeries(entityId: string, lang: UiLang): CardSeries[] {
  return marketTable.columns
    .filter((column) => column.entityId === entityId)
    .map((column) => {
      const cells = marketTable.rows.map((row) => ({ year: row.year, cell: row[column.key] }));
      const max = Math.max(0, ...cells.map(({ cell }) => sortValue(cell) ?? 0));
      const shown = cells.map(({ cell }) => showFigure(cell, lang));
      const [first, ...rest] = shown.map((figure) => figure.qualifiers);
      const shared = (first ?? []).filter((label) =>
        rest.every((labels) => labels.includes(label)),
      );
      return {
        label: column.label[lang],
        qualifiers: shared,
        points: cells.map(({ year, cell }, i) => {
          const value = sortValue(cell);
          const figure = shown[i] ?? showFigure(cell, lang);
          return {
            label: year.kind === 'figure' ? formatAmount(year, { lang }) : NOT_REPORTED_TEXT[lang],
            value: { ...figure, qualifiers: figure.qualifiers.filter((q) => !shared.includes(q)) },
            fraction: value === undefined || max === 0 ? undefined : value / max,
          };
        }),
      };
    });
}

/** Facts already drawn as charts (scores, the market series) are not listed a second time. */
function drawnElsewhere(fact: Fact, drawn: { scores: boolean; series: boolean }): boolean {
  if (drawn.scores && fact.id.startsWith('score-')) return true;
  return drawn.series && fact.sources[0] === 'market-table';
}

function groupName(group: GroupId, lang: UiLang): string {
  return groups.find((candidate) => candidate.id === group)?.name[lang] ?? group;
}

export function cardContent(entity: Entity, lang: UiLang): CardContent {
  const other: UiLang = lang === 'en' ? 'zh' : 'en';
  const scores = scoreRows(entity.id, lang);
  const ranking = entity.group === 'benchmarks' ? rankingRows(entity.id, lang) : [];
  const series = marketSeries(entity.id, lang);
  const drawn = { scores: scores.length > 0 || ranking.length > 0, series: series.length > 0 };

  const content: CardContent = {
    entityId: entity.id,
    group: entity.group,
    groupName: groupName(entity.group, lang),
    name: entity.name[lang],
    otherName: entity.name[other] === entity.name[lang] ? undefined : entity.name[other],
    description: entity.description[lang],
    scores,
    ranking,
    series,
    figures: [],
    texts: [],
    links: [],
    related: entity.related.flatMap((id) => link(id, lang) ?? []),
    source: { title: article.title[lang], published: article.published[lang] },
    tablesView: TABLES_VIEW[entity.group],
  };

  for (const fact of entity.facts) {
    if (drawnElsewhere(fact, drawn)) continue;
    const label = fact.label[lang];
    const { value } = fact;
    if (value.kind === 'figure' || value.kind === 'not-reported') {
      content.figures.push({ id: fact.id, label, value: showFigure(value, lang) });
    } else if (value.kind === 'text') {
      content.texts.push({ id: fact.id, label, text: value.text[lang] });
    } else {
      const entities = value.ids.flatMap((id) => link(id, lang) ?? []);
      if (entities.length > 0) content.links.push({ id: fact.id, label, entities });
    }
  }
  return content;
}

/** Every entity's card in one UI language, by entity id. */
export type CardBook = Readonly<Record<string, CardContent>>;

/**
 * The cards a content script shows, all in one reply: the background builds them from data/, so
 * the script that runs on every page carries none of it, and moving between related entities in
 * a card needs no further request. Plain data (strings, numbers, arrays), so it survives the
 * JSON a message travels as.
 */
export function cardBook(lang: UiLang): CardBook {
  return Object.fromEntries(entities.map((entity) => [entity.id, cardContent(entity, lang)]));
}

/** The card of an entity id, or undefined for an id data/ does not know. */
export function cardContentFor(entityId: string, lang: UiLang): CardContent | undefined {
  const entity = entityById(entityId);
  return entity ? cardContent(entity, lang) : undefined;
}
