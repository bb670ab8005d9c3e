/**
 * The built manifest grants nothing beyond what README justifies: `storage`, the one content
 * script on every page (with its stylesheet), and the browser's default extension-page CSP.
 * That script, loaded into every page, carries only what every page needs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtExtensionDir, GECKO_ID } from './harness/extension-browser';
import { expect, test } from './harness/fixtures';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: {
    matches: string[];
    js?: string[];
    css?: string[];
    run_at?: string;
    all_frames?: boolean;
    match_about_blank?: boolean;
  }[];
  web_accessible_resources?: unknown;
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  minimum_chrome_version?: string;
  browser_specific_settings?: {
    gecko?: {
      id?: string;
      strict_min_version?: string;
      data_collection_permissions?: { required?: string[]; optional?: string[] };
    };
  };
}

test('the manifest asks for storage only and keeps the default CSP', ({ engine }) => {
  const file = join(builtExtensionDir(engine), 'manifest.json');
  test.skip(!existsSync(file), `${file} is missing: build the extension first (wxt build)`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;

  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions).toEqual(['storage']);
  for (const key of [
    'optional_permissions',
    'host_permissions',
    'optional_host_permissions',
    'web_accessible_resources',
    'content_security_policy',
    'externally_connectable',
  ] as const) {
    expect(manifest[key], key).toBeUndefined();
  }
  // The script, and the default highlight styles on their own, due before the page's DOM.
  const [styles, script] = manifest.content_scripts ?? [];
  expect(manifest.content_scripts).toHaveLength(2);
  expect(styles).toEqual({
    matches: ['<all_urls>'],
    css: ['content-scripts/highlights.css'],
    run_at: 'document_start',
    all_frames: true,
    match_about_blank: true,
  });
  expect(script).toEqual({
    matches: ['<all_urls>'],
    js: ['content-scripts/content.js'],
    all_frames: true,
    match_about_blank: true,
  });

  if (engine === 'firefox') {
    expect(manifest.minimum_chrome_version).toBeUndefined();
    const gecko = manifest.browser_specific_settings?.gecko;
    expect(gecko?.id).toBe(GECKO_ID);
    expect(gecko?.strict_min_version).toBe('140.0');
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  } else {
    expect(manifest.browser_specific_settings).toBeUndefined();
    // The Highlight API shipped in Chrome 105: nothing can be painted before it.
    expect(manifest.minimum_chrome_version).toBe('105');
  }
});

test('the content script carries the aliases, not the article or the data schemas', ({
  engine,
}) => {
  const file = join(builtExtensionDir(engine), 'content-scripts', 'content.js');
  test.skip(!existsSync(file), `${file} is missing: build the extension first (wxt build)`);
  const code = readFileSync(file, 'utf8');
  // (Asserted as booleans: a failure would otherwise print the whole bundle.)
  // It finds mentions on every page, so it needs every alias.
  expect(code.includes('智谱华章'), 'an alias').toBe(true);
  // What a card says comes from the background when a card opens: never built into every page.
  expect(code.includes('Beijing lab behind the GLM language models'), 'a description').toBe(false);
  expect(code.includes('The Capital Exodus'), 'the article title').toBe(false);
  // The data's own schemas (checked where the data is built) are not rebuilt on every page.
  expect(code.includes('kebab-case id'), 'the data schemas').toBe(false);
});
