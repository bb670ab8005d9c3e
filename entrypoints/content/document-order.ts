/**
 * Order of two DOM points in the shadow-including tree: a point inside an open shadow root is
 * placed at its host, so mentions in web components sort where the reader sees them.
 */

const { DOCUMENT_POSITION_DISCONNECTED, DOCUMENT_POSITION_FOLLOWING } = Node;

/** The chain [node, its shadow host, that host's host, ...] up to the document's tree. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  let root = node.getRootNode();
  while (root instanceof ShadowRoot) {
    chain.push(root.host);
    root = root.host.getRootNode();
  }
  return chain;
}

function treeOrder(a: Node, b: Node): number {
  const position = a.compareDocumentPosition(b);
  if (position & DOCUMENT_POSITION_FOLLOWING) return -1;
  return position === 0 ? 0 : 1;
}

/** Negative when point a comes first, positive when b does, 0 when they are equal. */
export function comparePoints(a: Node, aOffset: number, b: Node, bOffset: number): number {
  if (a === b) return aOffset - bOffset;
  const position = a.compareDocumentPosition(b);
  if (!(position & DOCUMENT_POSITION_DISCONNECTED)) {
    return position & DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  // Different trees: lift both points to their hosts until they share one.
  const aChain = hostChain(a);
  const bChain = hostChain(b);
  for (const aNode of aChain) {
    const aRoot = aNode.getRootNode();
    for (const bNode of bChain) {
      if (bNode.getRootNode() !== aRoot) continue;
      // One point sits inside the other's shadow host: the host's own content comes first.
      if (aNode === bNode) return aNode === a ? -1 : 1;
      return treeOrder(aNode, bNode);
    }
  }
  // Nodes no longer in one document (a stale mention) sort last, in a stable way.
  return position & DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
