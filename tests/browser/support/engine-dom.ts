import type { FoundMention } from '@/entrypoints/content/mention-index';

/**
 * Building test DOM without innerHTML: markup is parsed by DOMParser into a separate document,
 * `<template shadowrootmode>` turned into real open shadow roots (DOMParser leaves them as
 * templates), and the result moved into a fresh container on the test page.
 */

function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
    const host = template.parentElement;
    if (host === null) continue;
    const shadow = host.attachShadow({ mode: 'open' });
    attachDeclarativeShadowRoots(template.content);
    shadow.append(template.content);
    template.remove();
  }
}

/** Parses `html` and returns its body's nodes, adopted into the test document. */
export function parseNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  attachDeclarativeShadowRoots(parsed.body);
  return [...parsed.body.childNodes].map((node) => document.adoptNode(node));
}

/** A new `<div>` on the page holding `html`. */
export function mount(html: string): HTMLDivElement {
  const container = document.createElement('div');
  container.append(...parseNodes(html));
  document.body.append(container);
  return container;
}

/** Lets MutationObserver callbacks and a few message-channel slices run. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The mention of `entityId` over the first `word` in one text node, as a scan finds it. */
export function mentionOfWord(node: Text, word: string, entityId: string): FoundMention {
  const start = node.data.indexOf(word);
  const range = new StaticRange({
    startContainer: node,
    startOffset: start,
    endContainer: node,
    endOffset: start + word.length,
  });
  return { entityId, range, text: word, nodes: [node] };
}
