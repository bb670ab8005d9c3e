import { describe, expect, it } from 'vitest';
import { badgeText, createBadgeCounts } from '@/core/badge-counts';

describe('badgeText', () => {
  it.each([
    [0, ''],
    [-3, ''],
    [Number.NaN, ''],
    [7, '7'],
    [999, '999'],
    [1000, '999+'],
  ])('%s -> %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });
});

describe('badge counts', () => {
  function recorder() {
    const shown: [number, string][] = [];
    return { shown, badge: createBadgeCounts((tabId, text) => shown.push([tabId, text])) };
  }

  it('shows the sum of the frames of a tab', () => {
    const { shown, badge } = recorder();
    badge.set(1, 0, 4);
    badge.set(1, 7, 3);
    badge.set(2, 0, 1);
    badge.set(1, 7, 1);
    expect(shown).toEqual([
      [1, '4'],
      [1, '7'],
      [2, '1'],
      [1, '5'],
    ]);
    expect(badge.total(1)).toBe(5);
  });

  it('clears the badge of a tab that loads a new document, and forgets closed tabs', () => {
    const { shown, badge } = recorder();
    badge.set(1, 0, 4);
    badge.resetTab(1);
    expect(shown.at(-1)).toEqual([1, '']);
    expect(badge.total(1)).toBe(0);
    badge.set(2, 0, 9);
    badge.forgetTab(2);
    expect(badge.total(2)).toBe(0);
    expect(shown.at(-1)).toEqual([2, '9']);
  });

  it('shows nothing once every frame reports zero', () => {
    const { shown, badge } = recorder();
    badge.set(3, 0, 2);
    badge.set(3, 0, 0);
    expect(shown.at(-1)).toEqual([3, '']);
  });
});
