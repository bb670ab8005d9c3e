import { defineContentScript } from 'wxt/utils/define-content-script';
import { whenTextArrives } from './frame-text';

/** Lets the task that evaluated the script end; the rest starts in a task of its own. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export default defineContentScript({
  matches: ['<all_urls>'],
  // Same-origin and about:blank frames get their own copy, so mentions in them are found too.
  allFrames: true,
  matchAboutBlank: true,
  async main(ctx) {
    // Evaluating this file is kept small: everything else (settings, the engine, the card) is
    // loaded on demand, so a page pays for what it uses, and an empty frame for almost nothing.
    if (window !== window.top) await whenTextArrives(document, ctx.signal);
    await nextTask();
    if (ctx.isInvalid) return;
    const { runContent } = await import('./run-content');
    await runContent(ctx);
  },
});
