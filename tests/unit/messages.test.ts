import { describe, expect, it } from 'vitest';
import { parseMessage, parsePageMentionsReply } from '@/core/messages';

describe('parseMessage', () => {
  it.each([
    { type: 'get-page-mentions' },
    { type: 'reveal-mention', entityId: 'glm-4-9b-chat' },
    { type: 'mention-count', count: 0 },
    { type: 'mention-count', count: 1234 },
    { type: 'open-tables', view: 'models' },
    { type: 'get-card-book', lang: 'en' },
    { type: 'get-card-book', lang: 'zh' },
    { type: 'next-mention' },
  ])('accepts $type', (message) => {
    expect(parseMessage(message)).toEqual(message);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'get-page-mentions'],
    ['an array', [{ type: 'next-mention' }]],
    ['an unknown type', { type: 'delete-everything' }],
    ['a missing entity', { type: 'reveal-mention' }],
    ['an entity id that is not one', { type: 'reveal-mention', entityId: '../popup.html' }],
    ['a negative count', { type: 'mention-count', count: -1 }],
    ['a fractional count', { type: 'mention-count', count: 1.5 }],
    ['a count as text', { type: 'mention-count', count: '3' }],
    ['a view with markup', { type: 'open-tables', view: '<b>models</b>' }],
    ['a view with a query', { type: 'open-tables', view: 'models&tabId=1' }],
    ['extra fields', { type: 'next-mention', extra: true }],
    ['cards in a language we do not write', { type: 'get-card-book', lang: 'fr' }],
    ['cards in no language', { type: 'get-card-book' }],
  ])('rejects %s', (_name, value) => {
    expect(parseMessage(value)).toBeUndefined();
  });

  it('never throws, even on hostile objects', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    expect(() => parseMessage(hostile)).not.toThrow();
    expect(parseMessage(hostile)).toBeUndefined();
  });
});

describe('parsePageMentionsReply', () => {
  it('accepts the content script answer', () => {
    const reply = {
      host: 'example.com:8080',
      mentions: [{ entityId: 'zhipu-ai', text: '智谱', count: 3 }],
    };
    expect(parsePageMentionsReply(reply)).toEqual(reply);
  });

  it('rejects a malformed answer', () => {
    expect(parsePageMentionsReply({ host: 'x', mentions: [{ entityId: 'zhipu-ai' }] })).toBe(
      undefined,
    );
    expect(parsePageMentionsReply(undefined)).toBeUndefined();
  });
});
