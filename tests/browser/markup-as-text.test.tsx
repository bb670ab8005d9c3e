/**
 * Strings that reach the UI (the article's names and facts, settings the reader imported) are
 * shown as text. Here every display string of a card and of a table is replaced by markup that
 * would run script if it were ever parsed as HTML; the rendered DOM must hold it as text only.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { cardContentFor, type CardContent } from '@/components/card/card-content';
import { DataTable, type TableColumn } from '@/components/tables/data-table';
import type { TableCell } from '@/components/tables/table-cell';
import { renderPinnedCard } from './support/render-card';

const MARKUP = '<img src=x onerror="window.zfInjected=1"><script>window.zfInjected=2</script>';

declare global {
  interface Window {
    zfInjected?: number;
  }
}

/** Keys whose strings steer rendering (ids, kinds) rather than being shown. */
function isControlKey(key: string): boolean {
  return key === 'id' || key === 'kind' || key === 'view' || key === 'group' || /Id$/.test(key);
}

/** A deep copy with MARKUP in front of every shown string. */
function poisoned<T>(value: T, key = ''): T {
  if (typeof value === 'string') return (isControlKey(key) ? value : MARKUP + value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => poisoned(item, key)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]: [string, unknown]) => [k, poisoned(v, k)]),
    ) as T;
  }
  return value;
}

/** The number of shown strings poisoned(), counted the same way, so the test knows what to expect. */
function countShownStrings(value: unknown, key = ''): number {
  if (typeof value === 'string') return isControlKey(key) ? 0 : 1;
  if (Array.isArray(value)) {
    return value.reduce<number>((sum, item: unknown) => sum + countShownStrings(item, key), 0);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).reduce<number>(
      (sum, [k, v]: [string, unknown]) => sum + countShownStrings(v, k),
      0,
    );
  }
  return 0;
}

function expectInert(container: Element): void {
  expect(container.querySelector('img, script')).toBeNull();
  expect(window.zfInjected).toBeUndefined();
  expect(container.textContent).toContain('<img src=x onerror=');
}

let container: HTMLElement | undefined;

function freshContainer(): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  return container;
}

afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = undefined;
});

describe('markup in shown strings stays text', () => {
  it.each(['zhipu-ai', 'glm-4', 'suning', 'mmlu'])('in the card of %s', (entityId) => {
    const content = cardContentFor(entityId, 'en');
    if (!content) throw new Error(`no card for ${entityId}`);
    const hostile: CardContent = poisoned(content);
    // The entity's name alone is one: a card without any shown string would prove nothing.
    expect(countShownStrings(content)).toBeGreaterThan(3);
    const root = freshContainer();
    renderPinnedCard(hostile, root);
    expectInert(root);
  });

  it('in a table caption, header, note and cells', () => {
    const cell = (text: string): TableCell => ({
      text,
      qualifiers: [MARKUP],
      note: MARKUP,
      notReported: false,
      figure: false,
      sortKey: text,
      exportText: text,
    });
    const columns: TableColumn<string>[] = [
      { id: 'name', label: MARKUP, note: MARKUP, rowHeader: true, cell: (row) => cell(row) },
      { id: 'what', label: MARKUP, prose: true, cell: (row) => cell(`${row}${MARKUP}`) },
    ];
    const root = freshContainer();
    render(
      <DataTable
        caption={MARKUP}
        captionNote={MARKUP}
        columns={columns}
        rows={[`${MARKUP}a`, `${MARKUP}b`]}
        rowKey={(row) => row}
        lang="en"
        source={MARKUP}
      />,
      root,
    );
    expectInert(root);
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2);
  });
});
