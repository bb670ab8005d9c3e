import { NOT_REPORTED, cellsFrom, figure } from '../make-figure';
import type { FootballTable } from '../schema';

// The article tells these deals in prose (its "Key Players & Case Studies" part), not in a
// table; we lay them out as one so the popup and cards can show them side by side. Every figure
// the article does not give is NOT_REPORTED, never a guess.
const SOURCE = 'key-players';
const cell = cellsFrom(SOURCE);
const MILLION = 1e6;

export const footballTableData: FootballTable = {
  source: SOURCE,
  caption: { en: 'Chinese football deals in Europe', zh: '中国资本的欧洲足球交易' },
  spree: {
    leagueId: 'chinese-super-league',
    spent: cell(figure(4e9, 'USD', { bound: 'over' })),
    fromYear: cell(figure(2014, 'year')),
    toYear: cell(figure(2018, 'year')),
  },
  deals: [
    {
      investorId: 'suning',
      clubId: 'inter-milan',
      stake: cell(figure(70, 'percent')),
      price: cell(figure(270 * MILLION, 'EUR')),
      year: cell(figure(2016, 'year')),
      laterInvestment: cell(NOT_REPORTED),
      outcome: {
        text: {
          en: 'Missed repayment of a loan from Oaktree Capital and lost control of the club',
          zh: '未能偿还橡树资本的贷款，失去俱乐部控制权',
        },
        source: SOURCE,
      },
      outcomeYear: cell(figure(2024, 'year')),
      defaultedLoan: cell(figure(395 * MILLION, 'EUR')),
      lenderIds: ['oaktree-capital'],
      losses: cell(figure(1e9, 'EUR', { bound: 'over', estimated: true })),
      lossesNote: {
        text: { en: 'Estimate counts operating costs too', zh: '估算包含运营成本' },
        source: SOURCE,
      },
    },
    {
      investorId: 'fosun',
      clubId: 'wolves',
      stake: cell(NOT_REPORTED),
      price: cell(figure(45 * MILLION, 'GBP')),
      year: cell(figure(2016, 'year')),
      laterInvestment: cell(figure(300 * MILLION, 'GBP', { bound: 'over', reportedly: true })),
      outcome: {
        text: {
          en: 'The team has done well on the pitch; the owner is facing heavy losses',
          zh: '球队场上表现不错，投资方却面临沉重亏损',
        },
        source: SOURCE,
      },
      outcomeYear: cell(NOT_REPORTED),
      defaultedLoan: cell(NOT_REPORTED),
      lenderIds: [],
      losses: cell(NOT_REPORTED),
      lossesNote: {
        text: { en: 'Significant; no amount given', zh: '数额可观，文中未给出金额' },
        source: SOURCE,
      },
    },
    {
      investorId: 'dalian-wanda',
      clubId: 'atletico-madrid',
      stake: cell(NOT_REPORTED),
      price: cell(figure(450 * MILLION, 'EUR')),
      year: cell(NOT_REPORTED),
      laterInvestment: cell(NOT_REPORTED),
      outcome: {
        text: { en: 'Sold its stake at a loss', zh: '亏本出售所持股份' },
        source: SOURCE,
      },
      outcomeYear: cell(figure(2018, 'year')),
      defaultedLoan: cell(NOT_REPORTED),
      lenderIds: [],
      losses: cell(NOT_REPORTED),
      lossesNote: {
        text: { en: 'Substantial; no amount given', zh: '亏损巨大，文中未给出金额' },
        source: SOURCE,
      },
    },
  ],
};
