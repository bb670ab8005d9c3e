import { afterEach, describe, expect, it } from 'vitest';
import { buildRanges } from '@/entrypoints/content/build-ranges';
import { createSubtreeScan, type TextSegment } from '@/entrypoints/content/scan-blocks';
import { mount } from './support/engine-dom';

afterEach(() => {
  document.body.replaceChildren();
});

function segmentOf(html: string): TextSegment {
  const root = mount(html);
  const segments: TextSegment[] = [];
  const job = createSubtreeScan({
    root,
    ownFlow: true,
    sink: { segment: (s) => segments.push(s) },
  });
  while (!job.run(Number.POSITIVE_INFINITY));
  expect(segments).toHaveLength(1);
  return segments[0]!;
}

function asText(range: StaticRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}

describe('buildRanges', () => {
  it('maps offsets inside one text node', () => {
    const segment = segmentOf('<p>Zhipu AI released GLM-4</p>');
    const [zhipu, glm] = buildRanges(segment, [
      { entityId: 'zhipu-ai', start: 0, end: 8 },
      { entityId: 'glm-4', start: 18, end: 23 },
    ]);
    expect(asText(zhipu!.range)).toBe('Zhipu AI');
    expect(glm!.range.startOffset).toBe(18);
    expect(glm!.text).toBe('GLM-4');
    expect(glm!.nodes).toEqual([segment.nodes[0]]);
  });

  it('spans several text nodes and lists each node the mention touches', () => {
    const segment = segmentOf('<p>Qw<b>e</b><i>n</i>-72B!</p>');
    const [found] = buildRanges(segment, [{ entityId: 'qwen-72b', start: 0, end: 8 }]);
    expect(found!.range.startContainer).toBe(segment.nodes[0]);
    expect(found!.range.endContainer).toBe(segment.nodes[3]);
    expect(found!.range.endOffset).toBe(4);
    expect(found!.nodes).toHaveLength(4);
    expect(asText(found!.range)).toBe('Qwen-72B');
  });

  it('starts in the node after a boundary, never at the end of the node before', () => {
    const segment = segmentOf('<p>see <b>GLM-4</b></p>');
    const [found] = buildRanges(segment, [{ entityId: 'glm-4', start: 4, end: 9 }]);
    expect(found!.range.startContainer).toBe(segment.nodes[1]);
    expect(found!.range.startOffset).toBe(0);
    expect(found!.nodes).toEqual([segment.nodes[1]]);
  });

  it('skips empty text nodes', () => {
    const root = mount('<p>GL</p>');
    const p = root.firstElementChild!;
    p.append(document.createTextNode(''), document.createTextNode('M-4'));
    const segments: TextSegment[] = [];
    const job = createSubtreeScan({
      root,
      ownFlow: true,
      sink: { segment: (s) => segments.push(s) },
    });
    while (!job.run(Number.POSITIVE_INFINITY));
    const [found] = buildRanges(segments[0]!, [{ entityId: 'glm-4', start: 0, end: 5 }]);
    expect(found!.range.endContainer).toBe(p.lastChild);
    expect(asText(found!.range)).toBe('GLM-4');
  });

  it('drops offsets outside the text', () => {
    const segment = segmentOf('<p>abc</p>');
    expect(buildRanges(segment, [{ entityId: 'x', start: 2, end: 9 }])).toEqual([]);
  });
});
