import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { VIEW_IDS, type ViewId } from '../../core/popup-location';
import { ViewTabs } from '../../entrypoints/popup/view-tabs';

const names: Record<ViewId, string> = {
  page: 'On this page',
  models: 'Models',
  companies: 'Companies',
  market: 'Market',
  football: 'Football',
};

function Harness({ initial }: { initial: ViewId }) {
  const [view, setView] = useState<ViewId>(initial);
  return (
    <ViewTabs label="Views" names={names} selected={view} onSelect={setView}>
      <p class="content">{view} content</p>
    </ViewTabs>
  );
}

let host: HTMLElement | undefined;

async function mount(initial: ViewId): Promise<HTMLElement> {
  const root = document.createElement('div');
  host = root;
  document.body.append(root);
  await act(() => render(<Harness initial={initial} />, root));
  return root;
}

afterEach(() => {
  if (host) render(null, host);
  host?.remove();
});

async function press(key: string): Promise<void> {
  const target = document.activeElement;
  if (!target) throw new Error('nothing has focus');
  await act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

function selected(root: HTMLElement): string | undefined {
  return (
    root.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.textContent ?? undefined
  );
}

describe('ViewTabs', () => {
  it('follows the ARIA tabs pattern: one tab stop, panels labelled by their tab', async () => {
    const root = await mount('models');
    const tabs = [...root.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs).toHaveLength(VIEW_IDS.length);
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([-1, 0, -1, -1, -1]);
    const panel = document.getElementById(tabs[1]!.getAttribute('aria-controls')!)!;
    expect(panel.getAttribute('role')).toBe('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs[1]!.id);
    expect(panel.hidden).toBe(false);
    expect(panel.textContent).toBe('models content');
    expect(root.querySelectorAll('[role="tabpanel"]:not([hidden])')).toHaveLength(1);
  });

  it('moves with the arrow keys, wrapping, and jumps with Home and End', async () => {
    const root = await mount('page');
    root.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')!.focus();
    await press('ArrowRight');
    expect(selected(root)).toBe('Models');
    expect(document.activeElement?.textContent).toBe('Models');
    await press('ArrowLeft');
    await press('ArrowLeft');
    expect(selected(root)).toBe('Football');
    await press('Home');
    expect(selected(root)).toBe('On this page');
    await press('End');
    expect(selected(root)).toBe('Football');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('0');
    expect(root.querySelector('.content')?.textContent).toBe('football content');
  });

  it('ignores other keys', async () => {
    const root = await mount('market');
    root.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')!.focus();
    await press('ArrowDown');
    await press('a');
    expect(selected(root)).toBe('Market');
  });
});
