/**
 * What the matcher costs a page at start-up, in real Chromium: compiling every alias of every
 * entity, then the first finds. Each sample runs in a fresh iframe (fresh module instances and
 * tables, cold code). Prints the figures; times are never asserted (they depend on the machine
 * and its load), only that each realm really compiled and found the mentions.
 */
import { describe, expect, it } from 'vitest';
import type { AliasSpec } from '@/core/matcher';
import { entities } from '@/data';
import type { StartUpTimes } from './support/matcher-realm';

const SAMPLES = 7;
const ENGLISH = 'Zhipu AI released GLM-4 after Baidu shipped ERNIE Bot; GPT-4o is no mention.';
// 百度 sits between Chinese characters, so its boundary needs the word segmenter.
const CHINESE = '据报道，在百度工作的工程师认为智谱的模型很强。';

const specs: AliasSpec[] = entities.flatMap((entity) =>
  entity.aliases.map((alias) => ({
    entityId: entity.id,
    text: alias.text,
    ...(alias.caseSensitive === undefined ? {} : { caseSensitive: alias.caseSensitive }),
  })),
);

async function measureInFreshRealm(): Promise<StartUpTimes> {
  const frame = document.createElement('iframe');
  frame.src = new URL('./support/matcher-realm.html', import.meta.url).href;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  try {
    await loaded;
    const realm = frame.contentWindow;
    for (let waited = 0; realm?.measureMatcherStartUp === undefined && waited < 100; waited++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const measure = realm?.measureMatcherStartUp;
    if (measure === undefined) throw new Error('the matcher realm did not load');
    return measure(specs, ENGLISH, CHINESE);
  } finally {
    frame.remove();
  }
}

function summary(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `median ${median.toFixed(1)} ms (min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)})`;
}

describe('matcher start-up in Chromium', () => {
  it('compiles every alias and finds mentions in a fresh realm; prints the times', async () => {
    const samples: StartUpTimes[] = [];
    for (let k = 0; k < SAMPLES; k++) samples.push(await measureInFreshRealm());

    for (const sample of samples) expect(sample.mentions).toBe(6);
    const rows: [string, (times: StartUpTimes) => number][] = [
      ['shared tables', (times) => times.sharedTablesMs],
      ['first compileMatcher after them', (times) => times.firstCompileMs],
      ['both', (times) => times.sharedTablesMs + times.firstCompileMs],
      ['second compileMatcher', (times) => times.secondCompileMs],
      ['first find, English', (times) => times.firstEnglishFindMs],
      ['first find needing the segmenter', (times) => times.firstChineseFindMs],
    ];
    console.log(
      `Matcher start-up in Chromium, ${specs.length} aliases, ${SAMPLES} fresh realms:\n` +
        rows.map(([label, pick]) => `  ${label}: ${summary(samples.map(pick))}`).join('\n'),
    );
  });
});
