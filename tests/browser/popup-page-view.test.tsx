import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { entityById, groups } from '../../data';
import type { PageState } from '../../entrypoints/popup/page-connection';
import { popupStrings } from '../../entrypoints/popup/popup-strings';
import { PageView } from '../../entrypoints/popup/views/page-view';

let host: HTMLElement | undefined;

async function mount(
  page: PageState,
  options: { highlighting?: boolean; lang?: 'en' | 'zh' } = {},
): Promise<{ root: HTMLElement; revealed: string[] }> {
  const revealed: string[] = [];
  const root = document.createElement('div');
  host = root;
  document.body.append(root);
  await act(() =>
    render(
      <PageView
        lang={options.lang ?? 'en'}
        page={page}
        highlighting={options.highlighting ?? true}
        onReveal={(entityId) => {
          revealed.push(entityId);
          return Promise.resolve(true);
        }}
        onRefresh={() => undefined}
      />,
      root,
    ),
  );
  return { root, revealed };
}

function unmount(): void {
  if (host) render(null, host);
  host?.remove();
  host = undefined;
}

afterEach(unmount);

const ready = (mentions: { entityId: string; text: string; count: number }[]): PageState => ({
  status: 'ready',
  tabId: 1,
  host: 'example.com',
  mentions,
});

describe('PageView', () => {
  it('groups mentions in data order, most mentioned first, with counts', async () => {
    const { root } = await mount(
      ready([
        { entityId: 'inter-milan', text: 'Inter Milan', count: 1 },
        { entityId: 'glm-4', text: 'GLM-4', count: 2 },
        { entityId: 'baidu', text: '百度', count: 1 },
        { entityId: 'zhipu-ai', text: 'Zhipu', count: 3 },
      ]),
    );
    const headings = [...root.querySelectorAll('h3')].map((h) => h.textContent);
    const order = groups.map((group) => group.name.en);
    const expectedGroups = ['ai-companies', 'models', 'clubs-leagues'].map(
      (id) => groups.find((group) => group.id === id)!.name.en,
    );
    expect(headings).toEqual(expectedGroups);
    expect(headings.map((name) => order.indexOf(name ?? ''))).toEqual(
      [...headings.map((name) => order.indexOf(name ?? ''))].sort((a, b) => a - b),
    );
    const entities = [...root.querySelectorAll<HTMLElement>('[data-entity]')].map(
      (button) => button.dataset.entity,
    );
    expect(entities).toEqual(['zhipu-ai', 'baidu', 'glm-4', 'inter-milan']);
    const zhipu = root.querySelector<HTMLElement>('[data-entity="zhipu-ai"]')!;
    expect(zhipu.textContent).toContain(entityById('zhipu-ai')!.name.en);
    expect(zhipu.textContent).toContain('3 mentions');
    // The page wrote 百度 for Baidu: the list says so; GLM-4 was written as its name.
    expect(root.querySelector('[data-entity="baidu"]')!.textContent).toContain('as “百度”');
    expect(root.querySelector('[data-entity="glm-4"]')!.textContent).not.toContain('as “');
    expect(root.textContent).toContain('4 entities, 7 mentions.');
  });

  it('asks for the entity when one is clicked', async () => {
    const { root, revealed } = await mount(ready([{ entityId: 'glm-4', text: 'GLM-4', count: 2 }]));
    await act(async () => {
      root.querySelector<HTMLElement>('[data-entity="glm-4"]')!.click();
      await Promise.resolve();
    });
    expect(revealed).toEqual(['glm-4']);
  });

  it('says so when the page mentions nothing, is off, or cannot be read', async () => {
    const strings = popupStrings.en.page;
    expect((await mount(ready([]))).root.textContent).toContain(strings.none);
    unmount();
    expect((await mount(ready([]), { highlighting: false })).root.textContent).toContain(
      strings.off,
    );
    unmount();
    const unavailable = (await mount({ status: 'unavailable', tabId: 3 })).root;
    expect(unavailable.querySelector('[data-state="unavailable"]')?.textContent).toBe(
      strings.unavailable,
    );
  });

  it('writes counts and group names in Chinese', async () => {
    const { root } = await mount(ready([{ entityId: 'suning', text: '苏宁', count: 2 }]), {
      lang: 'zh',
    });
    expect(root.querySelector('h3')?.textContent).toBe(
      groups.find((group) => group.id === 'football-investors')!.name.zh,
    );
    expect(root.querySelector('[data-entity="suning"]')!.textContent).toContain('2 处提及');
  });
});
