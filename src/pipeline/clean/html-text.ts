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
  const walk = (node: TextNode) => {
    if (node.nodeType === TEXT) {
      current += (node.textContent ?? '').replace(/\n/gu, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (NEVER_TEXT.has(name) || skip.has(name)) return;
    if (name === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    // Sibling links, not childNodes: linkedom builds a new childNodes array on every access.
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}
