/**
 * Every property test starts from the seed vitest.config.ts provides, so a run repeats exactly
 * (CI, and a failure found on one machine, replay the same cases). `FUZZ_SEED=random` explores.
 */
import fc from 'fast-check';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    fuzzSeed: number;
  }
}

fc.configureGlobal({ seed: inject('fuzzSeed') });
