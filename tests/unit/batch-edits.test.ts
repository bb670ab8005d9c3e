import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createEditBatcher,
  EDIT_BATCH_MS,
  LIVE_AFTER_BATCHES,
  LIVE_GAP_MS,
  SETTLE_MS,
} from '@/entrypoints/content/batch-edits';

/** Stand-ins for text nodes: the batcher only keeps them as keys. */
function textNode(name: string): Text {
  return { name } as unknown as Text;
}

function recorder() {
  const log: string[] = [];
  const names = (texts: ReadonlySet<Text>) =>
    [...texts].map((text) => (text as unknown as { name: string }).name).join(',');
  const batcher = createEditBatcher({
    read: (texts) => log.push(`read ${names(texts)}`),
    hold: (texts) => log.push(`hold ${names(texts)}`),
  });
  const edit = (...texts: Text[]) => {
    for (const text of texts) batcher.add(text);
    batcher.schedule();
  };
  return { log, batcher, edit };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('edit batches', () => {
  it('reads a first edit at once and later ones together, once per interval', () => {
    const { log, edit } = recorder();
    const a = textNode('a');
    const b = textNode('b');
    edit(a);
    expect(log).toEqual(['read a']);
    vi.advanceTimersByTime(10);
    edit(a, b);
    vi.advanceTimersByTime(EDIT_BATCH_MS);
    // Two edits close together are read, not held: a page correcting what it just wrote.
    expect(log).toEqual(['read a', 'read a,b']);
    edit(a);
    vi.advanceTimersByTime(EDIT_BATCH_MS);
    // The third batch in a row: `a` is live.
    expect(LIVE_AFTER_BATCHES).toBe(3);
    expect(log).toEqual(['read a', 'read a,b', 'hold a']);
  });

  it('holds text edited without pause, and reads it once it has been quiet', () => {
    const { log, edit } = recorder();
    const ticker = textNode('ticker');
    for (let frame = 0; frame < 60; frame++) {
      edit(ticker);
      vi.advanceTimersByTime(16);
    }
    expect(log).toEqual(['read ticker', 'read ticker', 'hold ticker']);
    vi.advanceTimersByTime(SETTLE_MS - 20);
    expect(log).toHaveLength(3);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(log).toEqual(['read ticker', 'read ticker', 'hold ticker', 'read ticker']);
  });

  it('never holds text edited less often than LIVE_GAP_MS (a clock ticking each second)', () => {
    const { log, edit } = recorder();
    const clock = textNode('clock');
    for (let tick = 0; tick < 5; tick++) {
      edit(clock);
      vi.advanceTimersByTime(LIVE_GAP_MS + 100);
    }
    expect(log).toEqual(Array.from({ length: 5 }, () => 'read clock'));
  });

  it('waits for held text to settle before saying all is read', async () => {
    const { log, batcher, edit } = recorder();
    const ticker = textNode('ticker');
    for (let batch = 0; batch < LIVE_AFTER_BATCHES; batch++) {
      edit(ticker);
      vi.advanceTimersByTime(EDIT_BATCH_MS);
    }
    expect(log.at(-1)).toBe('hold ticker');
    let read = false;
    void batcher.whenRead().then(() => (read = true));
    await vi.advanceTimersByTimeAsync(SETTLE_MS - EDIT_BATCH_MS - 10);
    expect(read).toBe(false);
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(read).toBe(true);
  });

  it('forgets live text on clear (a full rescan reads everything)', () => {
    const { log, batcher, edit } = recorder();
    const ticker = textNode('ticker');
    for (let batch = 0; batch < LIVE_AFTER_BATCHES; batch++) {
      edit(ticker);
      vi.advanceTimersByTime(EDIT_BATCH_MS);
    }
    expect(log).toEqual(['read ticker', 'read ticker', 'hold ticker']);
    batcher.clear();
    vi.advanceTimersByTime(SETTLE_MS * 2);
    expect(log).toHaveLength(3);
  });
});
