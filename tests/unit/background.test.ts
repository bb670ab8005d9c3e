import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cardContentFor } from '@/components/card/card-content';
import { createBadgeCounts } from '@/core/badge-counts';
import { entities } from '@/data';
import { forwardCommand, routeMessage } from '@/entrypoints/background';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

function recordingBadge() {
  const shown: [number, string][] = [];
  return { shown, badge: createBadgeCounts((tabId, text) => shown.push([tabId, text])) };
}

describe('background messages', () => {
  it('puts each frame count on its tab badge', async () => {
    const { shown, badge } = recordingBadge();
    await routeMessage(
      { type: 'mention-count', count: 3 },
      { tab: { id: 4 } as never, frameId: 0 },
      badge,
    );
    await routeMessage(
      { type: 'mention-count', count: 2 },
      { tab: { id: 4 } as never, frameId: 9 },
      badge,
    );
    expect(shown).toEqual([
      [4, '3'],
      [4, '5'],
    ]);
  });

  it('ignores counts from no tab and messages that are not ours', () => {
    const { shown, badge } = recordingBadge();
    expect(routeMessage({ type: 'mention-count', count: 3 }, {}, badge)).toBeUndefined();
    expect(
      routeMessage({ type: 'mention-count', count: 'x' }, { tab: { id: 1 } as never }, badge),
    ).toBe(undefined);
    expect(routeMessage('hello', {}, badge)).toBeUndefined();
    expect(shown).toEqual([]);
  });

  it('opens the tables on the asked view, about and next to the reader’s tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const { badge } = recordingBadge();
    await routeMessage(
      { type: 'open-tables', view: 'football' },
      { tab: { id: 2, index: 5 } as never },
      badge,
    );
    expect(create).toHaveBeenCalledWith({ url: '/popup.html?view=football&tabId=2', index: 6 });
    await routeMessage({ type: 'open-tables', view: 'models' }, {}, badge);
    expect(create).toHaveBeenLastCalledWith({ url: '/popup.html?view=models' });
  });

  it('answers a content script with every card in the asked language, as plain data', async () => {
    const { badge } = recordingBadge();
    const sender = { tab: { id: 3 } as never, frameId: 0 };
    for (const lang of ['en', 'zh'] as const) {
      const book = await routeMessage({ type: 'get-card-book', lang }, sender, badge);
      // A message travels as JSON in Chromium: what arrives must be what was built.
      const arrived: unknown = JSON.parse(JSON.stringify(book));
      expect(Object.keys(arrived as object)).toEqual(entities.map((entity) => entity.id));
      for (const { id } of entities) {
        expect((arrived as Record<string, unknown>)[id], `${lang} card of ${id}`).toEqual(
          cardContentFor(id, lang),
        );
      }
    }
    expect(routeMessage({ type: 'get-card-book', lang: 'fr' }, sender, badge)).toBeUndefined();
  });
});

describe('the next-mention command', () => {
  function activeTab(id: number) {
    // fakeBrowser keeps no "active" state: answer the query the way a browser would.
    return vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id } as never]);
  }

  it('asks the active tab’s top frame for its next mention', async () => {
    const query = activeTab(7);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await forwardCommand('next-mention');
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(send).toHaveBeenCalledWith(7, { type: 'next-mention' }, { frameId: 0 });
  });

  it('ignores other commands and tabs without a content script', async () => {
    activeTab(3);
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockRejectedValue(new Error('Receiving end does not exist'));
    await forwardCommand('something-else');
    expect(send).not.toHaveBeenCalled();
    await expect(forwardCommand('next-mention')).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledTimes(1);
  });
});
