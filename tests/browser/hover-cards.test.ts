import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '@/core/settings';
import { createCardBooks } from '@/entrypoints/content/card-books';
import { createHoverCards } from '@/entrypoints/content/hover-cards';
import { createMentionStore } from '@/entrypoints/content/mention-index';
import { mentionOfWord } from './support/engine-dom';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The event types of the listeners a spy on `addEventListener` or `removeEventListener` saw. */
function typesSeen(spy: { mock: { calls: unknown[][] } }): unknown[] {
  return spy.mock.calls.map(([type]) => type);
}

describe('hover cards', () => {
  it('listen to pointer moves and scrolling only while the page has a mention', () => {
    const p = document.createElement('p');
    p.textContent = 'Plain words, then GLM-4 at the end.';
    document.body.append(p);
    const node = p.firstChild as Text;
    const store = createMentionStore(() => 'models');
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const cards = createHoverCards({
      index: store.index,
      getSettings: defaultSettings,
      cardBooks: createCardBooks(() => Promise.reject(new Error('no cards in this test'))),
      openTables: () => undefined,
    });
    // Clicks, keys and focus are rare: those listen from the start.
    expect(typesSeen(added)).toEqual(expect.arrayContaining(['click', 'keydown', 'focusin']));
    expect(typesSeen(added)).not.toContain('pointermove');
    expect(typesSeen(added)).not.toContain('scroll');

    store.replace([node], [mentionOfWord(node, 'GLM-4', 'glm-4')]);
    store.flush();
    expect(typesSeen(added).filter((type) => type === 'pointermove')).toHaveLength(1);
    expect(typesSeen(added).filter((type) => type === 'scroll')).toHaveLength(1);
    expect(typesSeen(removed)).toEqual([]);

    store.replace([node], []);
    store.flush();
    expect(typesSeen(removed)).toEqual(expect.arrayContaining(['pointermove', 'scroll']));
    cards.destroy();
    p.remove();
  });
});
