import type { AuthoredEntity } from '../schema';
import { aiCompanies } from './ai-companies';
import { benchmarks } from './benchmarks';
import { clubsAndLeagues, footballInvestors } from './football';
import { fundsAndInvestors, others } from './funds-and-others';
import { models } from './models';

/** Every entity as written by hand, in group order; data/index.ts adds the table facts. */
export const authoredEntities: readonly AuthoredEntity[] = [
  ...aiCompanies,
  ...models,
  ...benchmarks,
  ...footballInvestors,
  ...clubsAndLeagues,
  ...fundsAndInvestors,
  ...others,
];
