/**
 * Mention counts per tab for the toolbar badge. Every frame of a tab runs its own content script
 * and reports its own count; the badge shows their sum.
 */

/** Badges have room for about four characters. */
const MAX_SHOWN = 999;

export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > MAX_SHOWN ? `${MAX_SHOWN}+` : String(Math.floor(count));
}

export interface BadgeCounts {
  /** Records one frame's count and shows the tab's new total. */
  set(tabId: number, frameId: number, count: number): void;
  /** Forgets a closed tab. */
  forgetTab(tabId: number): void;
  /** A tab loads a new document: its old counts go, and so does its badge until new ones come. */
  resetTab(tabId: number): void;
  total(tabId: number): number;
}

export function createBadgeCounts(show: (tabId: number, text: string) => unknown): BadgeCounts {
  const tabs = new Map<number, Map<number, number>>();

  const total = (tabId: number): number => {
    let sum = 0;
    for (const count of tabs.get(tabId)?.values() ?? []) sum += count;
    return sum;
  };

  return {
    set(tabId, frameId, count) {
      let frames = tabs.get(tabId);
      if (frames === undefined) {
        frames = new Map();
        tabs.set(tabId, frames);
      }
      if (count > 0) frames.set(frameId, count);
      else frames.delete(frameId);
      if (frames.size === 0) tabs.delete(tabId);
      void show(tabId, badgeText(total(tabId)));
    },
    forgetTab(tabId) {
      tabs.delete(tabId);
    },
    resetTab(tabId) {
      tabs.delete(tabId);
      void show(tabId, '');
    },
    total,
  };
}
