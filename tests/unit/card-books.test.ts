import { describe, expect, it } from 'vitest';
import { cardBook } from '@/components/card/card-content';
import type { UiLang } from '@/core/ui-language';
import { createCardBooks } from '@/entrypoints/content/card-books';

/** A request the test answers by hand, recording what was asked. */
function manualRequests() {
  const asked: UiLang[] = [];
  const answers: { resolve: (reply: unknown) => void; reject: (error: Error) => void }[] = [];
  const request = (lang: UiLang) => {
    asked.push(lang);
    return new Promise<unknown>((resolve, reject) => answers.push({ resolve, reject }));
  };
  return { asked, answers, request };
}

describe('card books', () => {
  it('asks once per language, however many cards wait for it, and keeps the answer', async () => {
    const { asked, answers, request } = manualRequests();
    const books = createCardBooks(request);
    const first = books.load('en');
    const second = books.load('en');
    expect(books.get('en')).toBeUndefined();
    expect(asked).toEqual(['en']);
    const english = cardBook('en');
    answers[0]!.resolve(english);
    expect(await first).toBe(english);
    expect(await second).toBe(english);
    expect(books.get('en')).toBe(english);
    expect(await books.load('en')).toBe(english);
    void books.load('zh');
    expect(asked).toEqual(['en', 'zh']);
  });

  it('asks again after a failed request', async () => {
    const { asked, answers, request } = manualRequests();
    const books = createCardBooks(request);
    const failed = books.load('zh');
    answers[0]!.reject(new Error('Could not establish connection'));
    await expect(failed).rejects.toThrow('Could not establish connection');
    expect(books.get('zh')).toBeUndefined();
    const retried = books.load('zh');
    expect(asked).toEqual(['zh', 'zh']);
    const chinese = cardBook('zh');
    answers[1]!.resolve(chinese);
    expect(await retried).toBe(chinese);
  });

  it.each([
    ['no answer', undefined],
    ['null', null],
    ['a list', []],
    ['text', 'cards'],
  ])('takes %s for a failure, not for cards', async (_name, reply) => {
    const { answers, request } = manualRequests();
    const books = createCardBooks(request);
    const loading = books.load('en');
    answers[0]!.resolve(reply);
    await expect(loading).rejects.toThrow("no cards arrived for 'en'");
    expect(books.get('en')).toBeUndefined();
  });
});
