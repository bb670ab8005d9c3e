import type { AuthoredEntity } from '../schema';
import { aiCompanies } from './ai-companies';
import { benchmarks } from './benchmarks';
import { clubsAndLeagues, footballInvestors } from './football';
import { fundsAndInvestors, others } from './funds-and-others';
import { models } from './models';

/**
 * What every card says, as written by hand; data/index.ts joins it with the aliases and adds the
 * table facts.
 */
export const authoredEntities: readonly AuthoredEntity[] = [
  ...aiCompanies,
  ...models,
  ...benchmarks,
  ...footballInvestors,
  ...clubsAndLeagues,
  ...fundsAndInvestors,
  ...others,
];
