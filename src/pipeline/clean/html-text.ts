/** The parts of a DOM node that text extraction reads (linkedom nodes satisfy it). */
export interface TextNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: TextNode | null;
  nextSibling: TextNode | null;
}

/** Elements that start and end a paragraph of text. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Elements whose text is never article text: code, styling, embedded media and form controls. */
const NEVER_TEXT = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'BUTTON', 'SELECT', 'OPTION', 'INPUT', 'TEXTAREA', 'HEAD', 'TITLE',
]);

const ELEMENT = 1;
const TEXT = 3;
const DOCUMENT = 9;
const FRAGMENT = 11;

/**
 * Plain text of a DOM subtree: one paragraph per block element, paragraphs separated by a blank
 * line, runs of white space collapsed, `<br>` kept as a line break. `skip` names further
 * elements to leave out (the body fallback drops `NAV` and `FOOTER`).
 */
export function domToText(root: TextNode, skip: ReadonlySet<string> = new Set()): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const lines = current.split('\n').map((line) => line.replace(/\s+/gu, ' ').trim()).filter(Boolean);
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    current = '';
  };
  // An explicit stack, not recursion: deeply nested markup must not overflow the call stack.
  const stack: (TextNode | 'close-block')[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'close-block') {
      flush();
      continue;
    }
    if (node.nodeType === TEXT) {
      current += (node.textContent ?? '').replace(/\n/gu, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== DOCUMENT && node.nodeType !== FRAGMENT) continue;
    const name = node.nodeName.toUpperCase();
    if (NEVER_TEXT.has(name) || skip.has(name)) continue;
    if (name === 'BR') {
      current += '\n';
      continue;
    }
    if (BLOCKS.has(name)) {
      flush();
      stack.push('close-block');
    }
    // Sibling links, not childNodes: linkedom builds a new childNodes array on every access.
    const children: TextNode[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  flush();
  return paragraphs.join('\n\n');
}
