/**
 * What the hostile-page specs share: the content script's own answer about a page, the page's
 * own controls (is it still working?) and the long tasks it saw. In-page functions here are
 * serialized into the page, so each is self-contained.
 */
import { answeringTabId, sendToTab } from './engine-extension';
import type { ExtensionBrowser, TestPage } from './harness/extension-browser';

export interface PageMentionsReply {
  host: string;
  mentions: { entityId: string; text: string; count: number }[];
}

/** What the top frame's content script says it found, asked from an extension page. */
export async function pageMentions(ext: ExtensionBrowser): Promise<PageMentionsReply> {
  const tabId = await answeringTabId(ext);
  return (await sendToTab(ext, tabId, { type: 'get-page-mentions' })) as PageMentionsReply;
}

/** Mention counts by entity, from the content script's answer. */
export function countsOf(reply: PageMentionsReply): Record<string, number> {
  return Object.fromEntries(reply.mentions.map((mention) => [mention.entityId, mention.count]));
}

/** Clicks the page's own `#bump` button twice and returns what its counter shows. */
export async function bumpTwice(page: TestPage): Promise<string> {
  const point = await page.evaluate(() => {
    const button = document.getElementById('bump')?.getBoundingClientRect();
    return button ? { x: button.left + button.width / 2, y: button.top + button.height / 2 } : null;
  });
  if (!point) throw new Error('no #bump button');
  await page.click(point.x, point.y);
  await page.click(point.x, point.y);
  return page.evaluate(() => document.getElementById('count')?.textContent ?? '');
}

/** Our highlighted ranges whose start lies inside `selector` (the whole document if null). */
export function highlightCountIn(selector: string | null): number {
  const scope = selector === null ? document.documentElement : document.querySelector(selector);
  if (!scope) return -1;
  let total = 0;
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('zf-')) continue;
    for (const range of highlight) if (scope.contains(range.startContainer)) total += 1;
  }
  return total;
}

/** The page's heartbeat (tests/fixtures/hostile/size-page.js): it grows while its script runs. */
export function pageBeats(): number {
  return (window as unknown as { pageBeats(): number }).pageBeats();
}

export interface LongTask {
  start: number;
  ms: number;
}

/** The long tasks the page saw (Chromium only; the page's own tasks are among them). */
export function pageLongTasks(): LongTask[] {
  return (window as unknown as { longTasks: LongTask[] }).longTasks;
}

/** Frames the page rewrote so far (tests/fixtures/hostile/rewrite-every-frame.html). */
export function churnFrames(): number {
  return (window as unknown as { churnFrames(): number }).churnFrames();
}

/**
 * Watches, at every animation frame from now on, whether one of our highlights inside `selector`
 * covers exactly the name the paragraph shows at that frame ("... names NAME here."): the engine
 * caught up with the page's rewrite. Text rewritten at every frame is read only in its first few
 * batches of edits (then it is held as live text until it is still, see batch-edits.ts), so a
 * test that looked now and then could miss that window; `shownNameSeen` tells whether any frame
 * saw it.
 */
export function watchShownName(selector: string): void {
  const state = window as unknown as { zfShownNameSeen?: boolean };
  state.zfShownNameSeen = false;
  const check = (): boolean => {
    const paragraph = document.querySelector(selector);
    const shown = /names (.+) here/.exec(paragraph?.textContent ?? '')?.[1];
    if (!paragraph || shown === undefined) return false;
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('zf-')) continue;
      for (const range of highlight) {
        if (!paragraph.contains(range.startContainer)) continue;
        const text = range.startContainer.textContent ?? '';
        // A range the latest rewrite made stale may point past the text's end.
        if (
          range.endOffset <= text.length &&
          text.slice(range.startOffset, range.endOffset) === shown
        ) {
          return true;
        }
      }
    }
    return false;
  };
  const frame = () => {
    if (check()) state.zfShownNameSeen = true;
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Whether a frame watched by `watchShownName` saw the shown name highlighted. */
export function shownNameSeen(): boolean {
  return (window as unknown as { zfShownNameSeen?: boolean }).zfShownNameSeen === true;
}
