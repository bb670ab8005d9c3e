import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import type { Browser } from 'wxt/browser';

type ContentScriptEntry = NonNullable<Browser.runtime.Manifest['content_scripts']>[number];

// The Highlight API shipped in Chrome 105 and Firefox 140; without it there is nothing to paint.
const MIN_CHROME = '105';
const MIN_FIREFOX = '140.0';
const GECKO_ID = 'zhipu-facts@example.org';

/**
 * The `::highlight()` defaults (entrypoints/highlights.content.css), in a content-script entry of
 * their own so that they arrive before the page's DOM does. Chromium injects a content script's
 * CSS at document start whatever its `run_at`, but Firefox (153) injects it at the script's
 * `run_at`: at document idle, where adding a stylesheet restyles the whole page (about 190 ms on
 * the bench's 100,000-paragraph page). Listed in the manifest, a page's CSP cannot block it.
 * It goes to the pages and frames the content script (entrypoints/content/index.ts) goes to.
 */
function withHighlightDefaults(scripts: readonly ContentScriptEntry[]): ContentScriptEntry[] {
  const script = scripts.find((entry) => entry.js?.includes('content-scripts/content.js'));
  if (script === undefined) throw new Error('the manifest has no content script');
  const { matches, all_frames, match_about_blank } = script;
  const styles: ContentScriptEntry = {
    matches,
    all_frames,
    match_about_blank,
    css: ['content-scripts/highlights.css'],
    run_at: 'document_start',
  };
  return [styles, ...scripts];
}

export default defineConfig({
  // Explicit imports everywhere: easier to follow than auto-imports.
  imports: false,
  // A separate output folder lets several builds (and e2e runs against them) coexist.
  outDir: process.env.ZF_OUT ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = withHighlightDefaults(manifest.content_scripts ?? []);
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    action: { default_title: '__MSG_extName__' },
    // Alt+Shift+H is not among Chrome's or Firefox's documented shortcuts (Alt+Shift+I, T, A, B
    // are Chrome's); readers can change it in the browser's extension shortcut settings.
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandNextMention__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: MIN_FIREFOX,
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learnt data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: MIN_CHROME }),
  }),
});
