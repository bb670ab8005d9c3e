import { z } from '../core/zod';

/**
 * The groups entities belong to. A module of its own: the content script needs the ids (settings,
 * highlight names) and none of the other data schemas, which it would otherwise build on every page.
 */
export const GroupIdSchema = z.enum([
  'ai-companies',
  'models',
  'benchmarks',
  'football-investors',
  'clubs-leagues',
  'funds-investors',
  'other',
]);
export type GroupId = z.infer<typeof GroupIdSchema>;
