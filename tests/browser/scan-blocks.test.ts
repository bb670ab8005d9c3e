import { afterEach, describe, expect, it } from 'vitest';
import {
  classifyElement,
  createSubtreeScan,
  ElementKind,
  flowOwner,
  rescanAround,
  type ScanSink,
  type TextSegment,
} from '@/entrypoints/content/scan-blocks';
import { CARD_HOST_TAG } from '@/entrypoints/content/card-host';
import { mount } from './support/engine-dom';

interface Collected {
  texts: string[];
  segments: TextSegment[];
  shadowRoots: ShadowRoot[];
  customElements: Element[];
}

function collector(): Collected & { sink: ScanSink } {
  const collected: Collected = { texts: [], segments: [], shadowRoots: [], customElements: [] };
  return {
    ...collected,
    sink: {
      segment(segment) {
        collected.segments.push(segment);
        collected.texts.push(segment.text);
      },
      shadowRoot: (root) => collected.shadowRoots.push(root),
      customElement: (element) => collected.customElements.push(element),
    },
  };
}

/** Scans `root` to the end and returns what the sink saw. */
function scan(root: Node, ownFlow = true): Collected {
  const seen = collector();
  const job = createSubtreeScan({ root, ownFlow, sink: seen.sink });
  while (!job.run(Number.POSITIVE_INFINITY));
  return seen;
}

/** Segment texts with whitespace squeezed, the empty ones left out. */
function squeezed(texts: string[]): string[] {
  return texts.map((text) => text.replace(/\s+/g, ' ').trim()).filter((text) => text !== '');
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('segments', () => {
  it('joins the text of inline tags into one segment', () => {
    const root = mount('<p>Zhipu <em>AI</em> and <span>GLM</span>-4 and Qw<b>en</b>-72B</p>');
    expect(squeezed(scan(root).texts)).toEqual(['Zhipu AI and GLM-4 and Qwen-72B']);
  });

  it('keeps the offsets of every text node in the joined text', () => {
    const root = mount('<p>ab<b>cd</b>e</p>');
    const [segment] = scan(root).segments;
    expect(segment?.starts).toEqual([0, 2, 4]);
    expect(segment?.nodes.map((node) => node.data)).toEqual(['ab', 'cd', 'e']);
  });

  it('never joins across blocks, line breaks or nested blocks', () => {
    const root = mount(
      '<div><p>GLM</p><p>-4</p></div><ul><li>Qwen</li><li>-72B</li></ul>' +
        '<div>GLM<br>-4</div><div><span>GLM<div>-4</div>after</span></div>',
    );
    expect(squeezed(scan(root).texts)).toEqual([
      'GLM',
      '-4',
      'Qwen',
      '-72B',
      'GLM',
      '-4',
      'GLM',
      '-4',
      'after',
    ]);
  });

  it('splits the text before and after a block inside the same parent', () => {
    const root = mount('<div>before<p>inside</p>after</div>');
    expect(squeezed(scan(root).texts)).toEqual(['before', 'inside', 'after']);
  });

  it.each([
    ['code', '<code>GLM-4</code>'],
    ['pre', '<pre>GLM-4</pre>'],
    ['kbd', '<kbd>GLM-4</kbd>'],
    ['samp', '<samp>GLM-4</samp>'],
    ['textarea', '<textarea>GLM-4</textarea>'],
    ['select', '<select><option>GLM-4</option></select>'],
    ['script', '<script>var GLM4 = "GLM-4";</script>'],
    ['style', '<style>/* GLM-4 */</style>'],
    ['noscript', '<noscript>GLM-4</noscript>'],
    ['template', '<template>GLM-4</template>'],
    ['contenteditable', '<div contenteditable="true">GLM-4 <b>bold GLM-4</b></div>'],
    ['contenteditable plaintext-only', '<div contenteditable="plaintext-only">GLM-4</div>'],
    ['svg', '<svg><text>GLM-4</text><foreignObject><p>GLM-4</p></foreignObject></svg>'],
    ['MathML', '<math><mi>GLM-4</mi></math>'],
    ['our card host', `<${CARD_HOST_TAG}>GLM-4</${CARD_HOST_TAG}>`],
  ])('reads nothing inside %s', (_name, html) => {
    const root = mount(`<p>before ${html} after</p>`);
    const texts = scan(root).texts.join('|');
    expect(texts).not.toContain('GLM');
    expect(texts).toContain('before');
    expect(texts).toContain('after');
  });

  it('scans an element marked contenteditable="false" like any other', () => {
    const root = mount('<p contenteditable="false">GLM-4</p>');
    expect(squeezed(scan(root).texts)).toEqual(['GLM-4']);
  });

  it('lets text flow across hidden elements but not across code', () => {
    const root = mount('<p>Zhipu<script>1</script> AI</p><p>Zhipu<code>x</code> AI</p>');
    expect(squeezed(scan(root).texts)).toEqual(['Zhipu AI', 'Zhipu', 'AI']);
  });

  it('reads ruby base text without its annotations', () => {
    const root = mount('<p><ruby>智<rt>zhì</rt>谱<rp>(</rp></ruby>AI</p>');
    expect(squeezed(scan(root).texts)).toEqual(['智谱AI']);
  });

  it('reports open shadow roots and reads the host light DOM as its own block', () => {
    const root = mount(
      '<p>before <x-card><template shadowrootmode="open"><p>inside</p><slot></slot></template><span>slotted</span></x-card> after</p>',
    );
    const seen = scan(root);
    expect(seen.shadowRoots).toHaveLength(1);
    expect(squeezed(seen.texts)).toEqual(['before', 'slotted', 'after']);
    expect(squeezed(scan(seen.shadowRoots[0]!).texts)).toEqual(['inside']);
  });

  it('reports custom elements without a shadow root, which may attach one later', () => {
    const root = mount('<p><later-card>text</later-card></p>');
    expect(scan(root).customElements.map((element) => element.localName)).toEqual(['later-card']);
  });

  it('leaves an inline root own text to rescanAround, but reports its nested blocks', () => {
    const root = mount('<span>outer<div>nested</div>tail</span>');
    const span = root.firstElementChild!;
    expect(squeezed(scan(span, false).texts)).toEqual(['nested']);
  });

  it('stops at the deadline and resumes where it was', () => {
    const root = mount(Array.from({ length: 500 }, (_, i) => `<p>paragraph ${i}</p>`).join(''));
    const seen = collector();
    const job = createSubtreeScan({ root, ownFlow: true, sink: seen.sink });
    expect(job.run(0)).toBe(false);
    let runs = 1;
    while (!job.run(performance.now() - 1)) runs++;
    expect(runs).toBeGreaterThan(5);
    expect(seen.texts).toHaveLength(500);
    expect(seen.texts[499]).toBe('paragraph 499');
  });

  it('starts over when the node it stopped at left the page', () => {
    const root = mount(Array.from({ length: 300 }, (_, i) => `<p>p${i}</p>`).join(''));
    const seen = collector();
    const job = createSubtreeScan({ root, ownFlow: true, sink: seen.sink });
    expect(job.run(0)).toBe(false);
    const reached = seen.texts.length;
    root.children[reached]?.remove();
    root.children[reached]?.remove();
    while (!job.run(Number.POSITIVE_INFINITY));
    expect(seen.texts.slice(reached).length).toBe(298);
  });
});

describe('blocks read whole', () => {
  it('reads a block of inline content in one piece, and finds its nodes when asked', () => {
    const root = mount('<p>ab<b>cd<i>ef</i></b><!-- note -->g<a href="#"></a></p>');
    const [segment, ...rest] = scan(root).segments;
    expect(rest).toEqual([]);
    expect(segment?.readWhole).toBe(true);
    expect(segment?.text).toBe('abcdefg');
    expect(segment?.nodes.map((node) => node.data)).toEqual(['ab', 'cd', 'ef', 'g']);
    expect(segment?.starts).toEqual([0, 2, 4, 6]);
  });

  it.each([
    ['a line break', '<p>Zhi<br>pu AI</p>', ['Zhi', 'pu AI']],
    ['a script, which the text flows across', '<p>Zhi<script>x</script>pu AI</p>', ['Zhipu AI']],
    ['code', '<p>Zhipu <code>GLM-4</code> AI</p>', ['Zhipu', 'AI']],
    ['an editable span', '<p>Zhipu <span contenteditable>GLM-4</span> AI</p>', ['Zhipu', 'AI']],
    ['a custom element', '<p>Zhipu <x-tag>GLM-4</x-tag> AI</p>', ['Zhipu', 'GLM-4', 'AI']],
  ])('walks a block holding %s node by node', (_name, html, texts) => {
    const seen = scan(mount(html));
    expect(squeezed(seen.texts)).toEqual(texts);
    expect(seen.segments.some((segment) => segment.readWhole === true)).toBe(false);
  });

  it('walks a block whose span hosts a shadow root, and reports the root', () => {
    const root = mount(
      '<p>Zhipu <span><template shadowrootmode="open">GLM-4</template>light</span> AI</p>',
    );
    const seen = scan(root);
    expect(seen.shadowRoots).toHaveLength(1);
    expect(squeezed(seen.texts)).toEqual(['Zhipu', 'light', 'AI']);
    expect(seen.segments.some((segment) => segment.readWhole === true)).toBe(false);
  });

  it('walks a block of over 64K characters node by node', () => {
    const root = mount('<p></p>');
    const paragraph = root.firstElementChild!;
    for (let i = 0; i < 40; i++) paragraph.append(`${'word '.repeat(400)}Zhipu AI `);
    const [segment] = scan(root).segments;
    expect(segment?.text.length).toBeGreaterThan(64 * 1024);
    expect(segment?.readWhole).toBeUndefined();
    expect(segment?.nodes).toHaveLength(40);
  });

  it('walks a block of very many inline elements node by node, in slices', () => {
    const root = mount('<p></p>');
    const paragraph = root.firstElementChild!;
    for (let i = 0; i < 600; i++) {
      const span = document.createElement('span');
      span.textContent = i === 300 ? 'Zhipu AI ' : 'word ';
      paragraph.append(span);
    }
    const seen = collector();
    const job = createSubtreeScan({ root, ownFlow: true, sink: seen.sink });
    let runs = 1;
    while (!job.run(performance.now() - 1)) runs++;
    expect(runs).toBeGreaterThan(5);
    const [segment, ...rest] = seen.segments;
    expect(rest).toEqual([]);
    expect(segment?.readWhole).toBeUndefined();
    expect(segment?.nodes).toHaveLength(600);
    expect(segment?.text).toContain('word Zhipu AI word');
  });

  it('never reads whole in an XML document, where textContent would take in CDATA', () => {
    const doc = new DOMParser().parseFromString(
      '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Zhipu<![CDATA[ GLM-4 ]]> AI</p></body></html>',
      'application/xhtml+xml',
    );
    const seen = scan(doc);
    expect(squeezed(seen.texts)).toEqual(['Zhipu AI']);
    expect(seen.segments.some((segment) => segment.readWhole === true)).toBe(false);
  });
});

describe('classifyElement', () => {
  it('decides from the tag name', () => {
    const root = mount('<span></span><p></p><code></code><script></script><my-widget></my-widget>');
    expect([...root.children].map((element) => classifyElement(element))).toEqual([
      ElementKind.Inline,
      ElementKind.Block,
      ElementKind.Opaque,
      ElementKind.Hidden,
      ElementKind.Block,
    ]);
  });
});

describe('flowOwner', () => {
  it('is the nearest block, or the tree root', () => {
    const root = mount('<p id="p"><b><i>deep</i></b></p>');
    const deep = root.querySelector('i')!.firstChild!;
    expect(flowOwner(deep)).toBe(root.querySelector('#p'));
    const shadowHost = document.createElement('x-host');
    const shadow = shadowHost.attachShadow({ mode: 'open' });
    const span = document.createElement('span');
    span.textContent = 'text';
    shadow.append(span);
    root.append(shadowHost);
    expect(flowOwner(span.firstChild!)).toBe(shadow);
  });

  it('is undefined inside skipped elements, in shadow roots of skipped hosts, or detached', () => {
    const root = mount('<div contenteditable><p><b>typed</b></p></div><code><span>x</span></code>');
    expect(flowOwner(root.querySelector('b')!.firstChild!)).toBeUndefined();
    expect(flowOwner(root.querySelector('span')!)).toBeUndefined();
    expect(flowOwner(document.createElement('p'))).toBeUndefined();
  });
});

describe('rescanAround', () => {
  it('rebuilds the whole segment around an edited text node, bounded by blocks', () => {
    const root = mount('<div><p>one</p>Zhipu <em>A</em>I<p>two</p></div>');
    const div = root.firstElementChild!;
    const em = div.querySelector('em')!;
    const seen = collector();
    rescanAround({ owner: div, from: em, to: em, sink: seen.sink });
    expect(squeezed(seen.texts)).toEqual(['Zhipu AI']);
  });

  it('rebuilds both sides when a block is inserted into a flow of text', () => {
    const root = mount('<p>Zhipu AI and more</p>');
    const p = root.firstElementChild!;
    const text = p.firstChild as Text;
    const tail = text.splitText(5);
    const block = document.createElement('div');
    block.textContent = 'block';
    p.insertBefore(block, tail);
    const seen = collector();
    rescanAround({ owner: p, from: block, to: block, sink: seen.sink });
    expect(squeezed(seen.texts)).toEqual(['Zhipu', 'AI and more']);
  });

  it('joins the text on both sides once a block between them is gone', () => {
    const root = mount('<p>GLM<br>-4</p>');
    const p = root.firstElementChild!;
    const before = p.firstChild!;
    p.querySelector('br')!.remove();
    const seen = collector();
    rescanAround({ owner: p, from: before, to: before, sink: seen.sink });
    expect(seen.texts).toEqual(['GLM-4']);
  });

  it('goes no further than the blocks around the change', () => {
    const root = mount(
      Array.from({ length: 50 }, (_, i) => `<p>para ${i}</p>`).join('') + '<p id="x">changed</p>',
    );
    const changed = root.querySelector('#x')!;
    const seen = collector();
    rescanAround({ owner: root, from: changed, to: changed, sink: seen.sink });
    expect(seen.texts).toEqual([]);
    const inner = changed.firstChild!;
    rescanAround({ owner: changed, from: inner, to: inner, sink: seen.sink });
    expect(seen.texts).toEqual(['changed']);
  });
});
