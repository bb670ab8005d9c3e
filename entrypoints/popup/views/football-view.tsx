import { useMemo } from 'preact/hooks';
import { DataTable, type TableColumn } from '../../../components/tables/data-table';
import { measureCell, textCell } from '../../../components/tables/table-cell';
import { formatAmount, formatMeasure } from '../../../core/format-figure';
import type { UiLang } from '../../../core/ui-language';
import { localeOf } from '../../../core/ui-language';
import { footballTable, type FootballDeal } from '../../../data';
import { entityName } from '../entity-name';
import { popupStrings } from '../popup-strings';
import { SourceNote, sourceText } from './source-note';

/** When the deal ended as it did, and the loan it ended on, in a line under the outcome. */
function outcomeNote(deal: FootballDeal, lang: UiLang): string | undefined {
  const strings = popupStrings[lang].football;
  const parts: string[] = [];
  if (deal.outcomeYear.kind === 'figure') {
    parts.push(strings.outcomeIn(formatAmount(deal.outcomeYear, { lang })));
  }
  if (deal.defaultedLoan.kind === 'figure') {
    const lenders = new Intl.ListFormat(localeOf(lang)).format(
      deal.lenderIds.map((id) => entityName(id, lang)),
    );
    parts.push(strings.defaulted(formatMeasure(deal.defaultedLoan, { lang }), lenders));
  }
  return parts.length > 0 ? parts.join(popupStrings[lang].listSeparator) : undefined;
}

function priceNote(deal: FootballDeal, lang: UiLang): string | undefined {
  if (deal.laterInvestment.kind !== 'figure') return undefined;
  return popupStrings[lang].football.laterInvestment(formatMeasure(deal.laterInvestment, { lang }));
}

function columnsFor(lang: UiLang): TableColumn<FootballDeal>[] {
  const strings = popupStrings[lang].football;
  return [
    {
      id: 'investor',
      label: strings.investor,
      rowHeader: true,
      cell: (deal) => textCell(entityName(deal.investorId, lang)),
    },
    { id: 'club', label: strings.club, cell: (deal) => textCell(entityName(deal.clubId, lang)) },
    {
      id: 'stake',
      label: strings.stake,
      numeric: true,
      cell: (deal) => measureCell(deal.stake, lang),
    },
    {
      id: 'price',
      label: strings.price,
      numeric: true,
      cell: (deal) => measureCell(deal.price, lang, priceNote(deal, lang)),
    },
    {
      id: 'year',
      label: strings.year,
      numeric: true,
      cell: (deal) => measureCell(deal.year, lang),
    },
    {
      id: 'outcome',
      prose: true,
      label: strings.outcome,
      cell: (deal) => textCell(deal.outcome.text[lang], outcomeNote(deal, lang)),
    },
    {
      id: 'losses',
      label: strings.losses,
      numeric: true,
      cell: (deal) => measureCell(deal.losses, lang, deal.lossesNote.text[lang]),
    },
  ];
}

/** Spree context line: how much was spent, over which years, in whose era. */
function SpreeNote({ lang }: { lang: UiLang }) {
  const { spree } = footballTable;
  if (spree.fromYear.kind !== 'figure' || spree.toYear.kind !== 'figure') return null;
  return (
    <p class="zf-view-intro">
      {popupStrings[lang].football.spree(
        entityName(spree.leagueId, lang),
        formatMeasure(spree.spent, { lang, long: true }),
        formatAmount(spree.fromYear, { lang }),
        formatAmount(spree.toYear, { lang }),
      )}
    </p>
  );
}

/** The football deals: investor, club, stake, price, year, outcome and losses. */
export function FootballView({ lang }: { lang: UiLang }) {
  const columns = useMemo(() => columnsFor(lang), [lang]);
  return (
    <div class="zf-view-body zf-view-single">
      <SpreeNote lang={lang} />
      <DataTable
        caption={footballTable.caption[lang]}
        columns={columns}
        rows={footballTable.deals}
        rowKey={(deal) => deal.investorId}
        lang={lang}
        source={sourceText([footballTable.source], lang)}
      />
      <SourceNote sections={[footballTable.source]} lang={lang} />
    </div>
  );
}
