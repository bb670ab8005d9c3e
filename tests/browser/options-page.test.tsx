import { render } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { defaultSettings, type Settings } from '@/core/settings';
import type { UiLang } from '@/core/ui-language';
import { AppearanceSection } from '@/entrypoints/options/appearance-section';
import { EntityToggles } from '@/entrypoints/options/entity-toggles';
import { optionsStrings } from '@/entrypoints/options/options-strings';
import type { SectionProps } from '@/entrypoints/options/section-props';

let root: HTMLElement | undefined;

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});

/** Renders a section the way the options page does: changes go straight back into its props. */
function mountSection(
  Section: (props: SectionProps) => preact.JSX.Element,
  lang: UiLang = 'en',
  initial: Settings = defaultSettings(),
): { current: () => Settings } {
  let latest = initial;
  function Harness() {
    const [settings, setSettings] = useState(initial);
    latest = settings;
    return (
      <Section
        settings={settings}
        lang={lang}
        t={optionsStrings[lang]}
        change={(mutate) => setSettings((current) => mutate(current))}
      />
    );
  }
  root = document.createElement('div');
  document.body.append(root);
  render(<Harness />, root);
  return { current: () => latest };
}

describe('entity toggles', () => {
  it('give each entity a checkbox named after it, and the group a mixed state', async () => {
    const view = mountSection(EntityToggles);
    const glm4 = page.getByRole('checkbox', { name: 'GLM-4', exact: true });
    await expect.element(glm4).toBeChecked();
    await glm4.click();
    await expect.element(glm4).not.toBeChecked();
    expect(view.current().entities['glm-4']).toBe(false);
    const models = page.getByRole('checkbox', { name: 'Models and products', exact: true });
    await expect.element(models).toBePartiallyChecked();
    await expect.element(page.getByText('14 of 15 on')).toBeVisible();
    await expect.element(page.getByText('37 of 38 on')).toBeVisible();
  });

  it('turns a whole group on from the mixed state, and off again', async () => {
    const initial = defaultSettings();
    initial.entities['gpt-4'] = false;
    const view = mountSection(EntityToggles, 'en', initial);
    const models = page.getByRole('checkbox', { name: 'Models and products', exact: true });
    await models.click();
    expect(view.current().entities['gpt-4']).toBe(true);
    await expect.element(models).toBeChecked();
    await models.click();
    expect(view.current().entities['glm-4']).toBe(false);
    expect(view.current().entities['zhipu-ai']).toBe(true);
  });

  it('can be toggled from the keyboard', async () => {
    mountSection(EntityToggles);
    const zhipu = page.getByRole('checkbox', { name: 'Zhipu AI', exact: true });
    zhipu.element().focus();
    await userEvent.keyboard(' ');
    await expect.element(zhipu).not.toBeChecked();
  });

  it('names toggles in the UI language only, with the other name hidden from the name', async () => {
    mountSection(EntityToggles, 'zh');
    await expect.element(page.getByRole('checkbox', { name: '智谱AI', exact: true })).toBeChecked();
    await expect
      .element(page.getByRole('checkbox', { name: 'AI 公司', exact: true }))
      .toBeChecked();
  });

  it('filters by either language and by alias, folded like page text', async () => {
    mountSection(EntityToggles);
    const search = page.getByRole('searchbox', { name: 'Search entities' });
    await search.fill('智谱');
    await expect.element(page.getByRole('checkbox', { name: 'Zhipu AI' })).toBeVisible();
    await expect.element(page.getByRole('checkbox', { name: 'Baidu' })).not.toBeInTheDocument();
    await search.fill('ＧＬＭ４');
    await expect.element(page.getByRole('checkbox', { name: 'GLM-4', exact: true })).toBeVisible();
    await expect.element(page.getByRole('checkbox', { name: 'Zhipu AI' })).not.toBeInTheDocument();
    await search.fill('no such entity');
    await expect.element(page.getByRole('status')).toHaveTextContent('No entity matches.');
  });
});

describe('appearance preview', () => {
  const sampleTexts = (name: string): string[] => {
    const texts: string[] = [];
    CSS.highlights.get(name)?.forEach((range) => texts.push((range as Range).toString()));
    return texts;
  };

  it('paints the samples with real highlights named like the page’s', async () => {
    const view = mountSection(AppearanceSection);
    await expect.poll(() => sampleTexts('zf-models')).toEqual(['GLM-4', 'GLM-4-9B-Chat']);
    const style = page.getByRole('combobox', { name: 'Style for Models and products' });
    await style.selectOptions('both');
    expect(view.current().appearance.models.style).toBe('both');
    const rule = [...document.adoptedStyleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .map((r) => r.cssText)
      .find((text) => text.includes('zf-models'));
    expect(rule).toMatch(/background-color: color-mix/);
  });

  it('takes its highlights away when it leaves the page', () => {
    mountSection(AppearanceSection);
    expect(CSS.highlights.has('zf-benchmarks')).toBe(true);
    if (root) render(null, root);
    expect(CSS.highlights.has('zf-benchmarks')).toBe(false);
  });
});
