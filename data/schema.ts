import { z } from '../core/zod';
import { GroupIdSchema } from './group-ids';

/** Text shown to readers, in both UI languages. */
export const LocalTextSchema = z.strictObject({
  en: z.string().check(z.trim(), z.minLength(1)),
  zh: z.string().check(z.trim(), z.minLength(1)),
});
export type LocalText = z.infer<typeof LocalTextSchema>;

/** Lowercase words joined by single hyphens: 'zhipu-ai', 'glm-4-9b-chat'. */
export const EntityIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case id'));
export type EntityId = z.infer<typeof EntityIdSchema>;

export { GroupIdSchema, type GroupId } from './group-ids';

export const GroupSchema = z.strictObject({ id: GroupIdSchema, name: LocalTextSchema });
export type Group = z.infer<typeof GroupSchema>;

/**
 * The parts of the article a figure can come from, in reading order. Tables and the "data
 * takeaway" paragraph that follows each table are their own parts so a card can say exactly
 * where a number was printed.
 */
export const SectionIdSchema = z.enum([
  'intro',
  'technical-deep-dive',
  'benchmark-table',
  'benchmark-takeaway',
  'key-players',
  'competitive-table',
  'competitive-takeaway',
  'industry-impact',
  'market-table',
  'market-takeaway',
  'risks',
  'verdict',
]);
export type SectionId = z.infer<typeof SectionIdSchema>;

export const SectionSchema = z.strictObject({ id: SectionIdSchema, name: LocalTextSchema });
export type Section = z.infer<typeof SectionSchema>;

const HAN = /\p{Script=Han}/u;

/**
 * A string the matcher looks for. `lang` is 'zh' exactly when the text contains Chinese
 * characters, so the matcher knows which boundary rule applies. Case sensitivity only means
 * something for Latin text.
 */
export const AliasSchema = z
  .strictObject({
    text: z.string().check(z.trim(), z.minLength(1)),
    lang: z.enum(['en', 'zh']),
    caseSensitive: z.optional(z.boolean()),
  })
  .check(
    z.refine((alias) => (alias.lang === 'zh') === HAN.test(alias.text), {
      message: "lang must be 'zh' exactly when the alias contains Chinese characters",
    }),
    z.refine((alias) => !(alias.caseSensitive === true && alias.lang === 'zh'), {
      message: 'caseSensitive only applies to Latin aliases',
    }),
  );
export type Alias = z.infer<typeof AliasSchema>;

/**
 * Units of a figure's value. Currencies are ISO 4217 codes so they can go straight into
 * Intl.NumberFormat's `currency` option. Values are always in base units: 1e12 yuan, 9e9
 * parameters, 70 for 70 % (divide by 100 before using Intl's 'percent' style), 82.3 benchmark
 * points, 2016 for a year, 1250 for a 1,250x ratio.
 */
export const UnitSchema = z.enum([
  'CNY',
  'EUR',
  'GBP',
  'USD',
  'parameters',
  'percent',
  'points',
  'stars',
  'year',
  'ratio',
]);
export type Unit = z.infer<typeof UnitSchema>;

export const CURRENCY_UNITS = ['CNY', 'EUR', 'GBP', 'USD'] as const satisfies readonly Unit[];
export type CurrencyUnit = (typeof CURRENCY_UNITS)[number];

export function isCurrencyUnit(unit: Unit): unit is CurrencyUnit {
  return (CURRENCY_UNITS as readonly Unit[]).includes(unit);
}

/**
 * A number the article prints, with the article's qualifiers kept as data:
 * approx "~", estimated "(est.)", projected "(proj.)", reportedly "reportedly",
 * bound 'over' "over €1 billion" / "surpassing 8,000".
 */
export const FigureSchema = z.strictObject({
  kind: z.literal('figure'),
  value: z.number(),
  unit: UnitSchema,
  approx: z.optional(z.boolean()),
  estimated: z.optional(z.boolean()),
  projected: z.optional(z.boolean()),
  reportedly: z.optional(z.boolean()),
  bound: z.optional(z.enum(['over'])),
  /** Digits after the decimal point as printed (the benchmark table prints 92.0, not 92). */
  decimals: z.optional(z.int().check(z.minimum(0), z.maximum(3))),
});
export type Figure = z.infer<typeof FigureSchema>;

/** The article's "—", or a figure the article never gives. Never read it as 0. */
export const NotReportedSchema = z.strictObject({ kind: z.literal('not-reported') });
export type NotReported = z.infer<typeof NotReportedSchema>;

export const MeasureSchema = z.discriminatedUnion('kind', [FigureSchema, NotReportedSchema]);
export type Measure = z.infer<typeof MeasureSchema>;

const sourced = { source: SectionIdSchema };

/** One numeric table cell: a figure or "not reported", and the part of the article it is from. */
export const FigureCellSchema = z.discriminatedUnion('kind', [
  z.extend(FigureSchema, sourced),
  z.extend(NotReportedSchema, sourced),
]);
export type FigureCell = z.infer<typeof FigureCellSchema>;

/** One text table cell, in our own words. */
export const TextCellSchema = z.strictObject({ text: LocalTextSchema, ...sourced });
export type TextCell = z.infer<typeof TextCellSchema>;

export const TextValueSchema = z.strictObject({ kind: z.literal('text'), text: LocalTextSchema });
export type TextValue = z.infer<typeof TextValueSchema>;

/** A fact whose value is other entities (a flagship model, a list of backers). */
export const EntitiesValueSchema = z.strictObject({
  kind: z.literal('entities'),
  ids: z.array(EntityIdSchema).check(z.minLength(1)),
});
export type EntitiesValue = z.infer<typeof EntitiesValueSchema>;

export const FactValueSchema = z.discriminatedUnion('kind', [
  FigureSchema,
  NotReportedSchema,
  TextValueSchema,
  EntitiesValueSchema,
]);
export type FactValue = z.infer<typeof FactValueSchema>;

export const FactSchema = z.strictObject({
  /** Unique within its entity. */
  id: EntityIdSchema,
  label: LocalTextSchema,
  value: FactValueSchema,
  /** Where the article states it; the first is where it is stated most fully. */
  sources: z.array(SectionIdSchema).check(z.minLength(1)),
  /** Other entities the fact is about (e.g. the lender of a defaulted loan). */
  refs: z.optional(z.array(EntityIdSchema)),
});
export type Fact = z.infer<typeof FactSchema>;

export const EntitySchema = z.strictObject({
  id: EntityIdSchema,
  group: GroupIdSchema,
  name: LocalTextSchema,
  aliases: z.array(AliasSchema).check(z.minLength(1)),
  /** One line, our own words. */
  description: LocalTextSchema,
  facts: z.array(FactSchema).check(z.minLength(1)),
  related: z.array(EntityIdSchema),
});
export type Entity = z.infer<typeof EntitySchema>;

/** An entity as data/entity-aliases.ts names it: what finding and colouring its mentions needs. */
export const EntityAliasesSchema = z.pick(EntitySchema, { id: true, group: true, aliases: true });
export type EntityAliases = z.infer<typeof EntityAliasesSchema>;

/**
 * An entity as written in data/entities: what its card says. Its group and aliases come from
 * data/entity-aliases.ts, and the facts that live in tables are added in code.
 */
export const AuthoredEntitySchema = z.extend(z.omit(EntitySchema, { group: true, aliases: true }), {
  facts: z.array(FactSchema),
});
export type AuthoredEntity = z.infer<typeof AuthoredEntitySchema>;

// ---- Tables -------------------------------------------------------------------------------

export const BenchmarkIdSchema = z.enum(['mmlu', 'c-eval', 'gsm8k', 'humaneval']);
export type BenchmarkId = z.infer<typeof BenchmarkIdSchema>;

export const BenchmarkTableSchema = z.strictObject({
  source: z.literal('benchmark-table'),
  caption: LocalTextSchema,
  /** Column order as printed; `setting` is the evaluation setting from the header. */
  benchmarks: z.array(z.strictObject({ benchmarkId: BenchmarkIdSchema, setting: z.string() })),
  rows: z.array(
    z.strictObject({
      modelId: EntityIdSchema,
      parameters: FigureCellSchema,
      scores: z.record(BenchmarkIdSchema, FigureCellSchema),
    }),
  ),
});
export type BenchmarkTable = z.infer<typeof BenchmarkTableSchema>;
export type BenchmarkRow = BenchmarkTable['rows'][number];

export const LandscapeRowSchema = z.strictObject({
  companyId: EntityIdSchema,
  flagshipModelId: EntityIdSchema,
  valuation: FigureCellSchema,
  differentiator: TextCellSchema,
  /** The backers in our words, plus the ids of those that are entities. */
  funding: z.extend(TextCellSchema, { funderIds: z.array(EntityIdSchema) }),
});
export type LandscapeRow = z.infer<typeof LandscapeRowSchema>;

export const LandscapeTableSchema = z.strictObject({
  source: z.literal('competitive-table'),
  caption: LocalTextSchema,
  rows: z.array(LandscapeRowSchema),
});
export type LandscapeTable = z.infer<typeof LandscapeTableSchema>;

export const MarketColumnKeySchema = z.enum([
  'aiMarket',
  'zhipuRevenue',
  'governmentProcurement',
  'overseasFootballInvestment',
]);
export type MarketColumnKey = z.infer<typeof MarketColumnKeySchema>;

export const MarketRowSchema = z.strictObject({
  /** A year figure; `projected` marks "2026 (proj.)", and every cell of that row says so too. */
  year: FigureCellSchema,
  aiMarket: FigureCellSchema,
  zhipuRevenue: FigureCellSchema,
  governmentProcurement: FigureCellSchema,
  overseasFootballInvestment: FigureCellSchema,
});
export type MarketRow = z.infer<typeof MarketRowSchema>;

export const MarketTableSchema = z.strictObject({
  source: z.literal('market-table'),
  caption: LocalTextSchema,
  columns: z.array(
    z.strictObject({
      key: MarketColumnKeySchema,
      label: LocalTextSchema,
      /** The entity the column is about, where there is one (Zhipu's revenue). */
      entityId: z.optional(EntityIdSchema),
    }),
  ),
  rows: z.array(MarketRowSchema),
});
export type MarketTable = z.infer<typeof MarketTableSchema>;

export const FootballDealSchema = z.strictObject({
  investorId: EntityIdSchema,
  clubId: EntityIdSchema,
  /** Share of the club bought. */
  stake: FigureCellSchema,
  /** What the investor paid or put in at the time of the deal. */
  price: FigureCellSchema,
  /** Year of the deal. */
  year: FigureCellSchema,
  /** Money put in after the deal. */
  laterInvestment: FigureCellSchema,
  /** How it ended, our words. */
  outcome: TextCellSchema,
  outcomeYear: FigureCellSchema,
  /** A loan the investor defaulted on, and who lent it. */
  defaultedLoan: FigureCellSchema,
  lenderIds: z.array(EntityIdSchema),
  losses: FigureCellSchema,
  /** What the article says about the losses when it gives no figure, or what the figure covers. */
  lossesNote: TextCellSchema,
});
export type FootballDeal = z.infer<typeof FootballDealSchema>;

export const FootballTableSchema = z.strictObject({
  source: z.literal('key-players'),
  caption: LocalTextSchema,
  /** The spending spree the deals belong to: total spent and its first and last year. */
  spree: z.strictObject({
    leagueId: EntityIdSchema,
    spent: FigureCellSchema,
    fromYear: FigureCellSchema,
    toYear: FigureCellSchema,
  }),
  deals: z.array(FootballDealSchema),
});
export type FootballTable = z.infer<typeof FootballTableSchema>;

export const ArticleSchema = z.strictObject({
  title: LocalTextSchema,
  /** Publication label as the UI shows it: 'June 2026' / '2026 年 6 月'. */
  published: LocalTextSchema,
  date: z.strictObject({ year: z.int(), month: z.int().check(z.minimum(1), z.maximum(12)) }),
  sections: z.array(SectionSchema),
});
export type Article = z.infer<typeof ArticleSchema>;
