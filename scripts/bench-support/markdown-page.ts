/**
 * Turns a README-style Markdown file from the corpus into an HTML page, roughly as a code host
 * shows it: headings, paragraphs, lists, tables, quotes, fenced code (which the engine skips),
 * inline code, emphasis and links. Raw HTML lines pass through, as they do on those hosts, minus
 * scripts. Good enough to give the engine the blocks and inline tags a reader's browser has.
 */

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_, label: string, href: string) => {
      const safe = /^(https?:|#|\/|\.)/.test(href) ? href.replace(/"/g, '%22') : '#';
      return `<a href="${safe}">${label}</a>`;
    })
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
}

function tableRow(line: string, cell: 'td' | 'th'): string {
  const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  return `<tr>${cells.map((text) => `<${cell}>${inline(text.trim())}</${cell}>`).join('')}</tr>`;
}

export function markdownToHtml(markdown: string, title: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  let table: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    if (list.length > 0)
      out.push(`<ul>${list.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
    if (table.length > 0) {
      const [head, ...rows] = table.filter((row) => !/^\s*\|?\s*:?-{2,}/.test(row));
      out.push(
        `<table>${head === undefined ? '' : tableRow(head, 'th')}${rows.map((row) => tableRow(row, 'td')).join('')}</table>`,
      );
    }
    paragraph = [];
    list = [];
    table = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence !== null) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!); i++) {
        code.push(lines[i]!);
      }
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (line.trim() === '') flush();
    else if (heading !== null) {
      flush();
      out.push(`<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`);
    } else if (line.trimStart().startsWith('|')) {
      if (table.length === 0) flush();
      table.push(line);
    } else if (item !== null) {
      if (list.length === 0) flush();
      list.push(item[1]!);
    } else if (line.startsWith('>')) {
      flush();
      out.push(`<blockquote><p>${inline(line.replace(/^>\s?/, ''))}</p></blockquote>`);
    } else if (line.trimStart().startsWith('<')) {
      flush();
      out.push(line.replace(/<(\/?)script/gi, '&lt;$1script'));
    } else if (list.length > 0) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{max-width:56rem;margin:2rem auto;font:16px/1.5 sans-serif}</style>',
    '</head><body><article>',
    ...out,
    '</article></body></html>',
  ].join('\n');
}
