import { describe, expect, it } from 'vitest';
import { hasText, whenTextArrives } from '@/entrypoints/content/frame-text';

/** A document of its own, as an ad frame's would be. */
function frameDocument(...children: Node[]): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.append(...children.map((child) => doc.importNode(child, true)));
  return doc;
}

function element(tag: string, text: string): HTMLElement {
  const made = document.createElement(tag);
  made.textContent = text;
  return made;
}

describe('frame text', () => {
  it('counts no blank text, nor what scripts and styles hold', () => {
    expect(hasText(frameDocument())).toBe(false);
    expect(hasText(frameDocument(document.createTextNode(' \n\t  ')))).toBe(false);
    expect(hasText(frameDocument(element('script', 'var adSlot = 1;')))).toBe(false);
    expect(hasText(frameDocument(element('style', 'p { color: red }')))).toBe(false);
    expect(hasText(frameDocument(element('p', 'x')))).toBe(false);
  });

  it('finds the two characters the shortest name needs, across nodes', () => {
    expect(hasText(frameDocument(element('p', '智谱')))).toBe(true);
    expect(hasText(frameDocument(element('span', 'G'), element('span', ' L')))).toBe(true);
  });

  it('waits for text written into an empty frame, and can be called off', async () => {
    const doc = frameDocument();
    const stop = new AbortController();
    let arrived = false;
    const waiting = whenTextArrives(doc, stop.signal).then(() => {
      arrived = true;
    });
    doc.body.append(doc.createElement('div'));
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(arrived).toBe(false);
    doc.body.append(doc.createTextNode('Zhipu AI'));
    await waiting;
    expect(arrived).toBe(true);

    const empty = frameDocument();
    let never = false;
    void whenTextArrives(empty, stop.signal).then(() => {
      never = true;
    });
    stop.abort();
    empty.body.append(empty.createTextNode('Zhipu AI'));
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(never).toBe(false);
  });
});
