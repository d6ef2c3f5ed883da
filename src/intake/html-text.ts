/**
 * Plain text from an article's DOM. Block elements become paragraphs separated by a blank line, so that
 * sentences of neighbouring paragraphs never run together ("…in July.The prime minister…"), which would
 * break sentence segmentation downstream. Inline whitespace collapses as a browser would render it.
 */

/** The smallest part of the DOM interface this module reads; linkedom and browser nodes both satisfy it. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

// Elements whose start and end break a paragraph. The list covers the blocks articles are written in
// (p, h1-h6, li, blockquote, pre) and the containers around them, so stray text in a <div> stands apart too.
const BLOCKS = new Set(
  (
    "p h1 h2 h3 h4 h5 h6 li blockquote pre div section article main header footer aside ul ol dl dt dd " +
    "table thead tbody tfoot tr td th caption figure figcaption address details summary hr form fieldset"
  ).split(" "),
);
// Never text of the article, even when a page puts them inside it.
const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "object",
  "button",
]);

export function blocksToText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = "";

  const flush = () => {
    const lines = current.split("\n").map((l) => l.replace(/\s+/g, " ").trim());
    const paragraph = lines.filter((l) => l !== "").join("\n");
    if (paragraph !== "") paragraphs.push(paragraph);
    current = "";
  };

  const walk = (node: DomNode, inPre: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? "";
      // Inside <pre> line breaks are content; elsewhere any run of whitespace is one space.
      current += inPre ? value.replace(/\r\n?/g, "\n") : value.replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toLowerCase();
    if (SKIPPED.has(name)) return;
    if (name === "br") {
      current += "\n";
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    const pre = inPre || name === "pre";
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) walk(child, pre);
    }
    if (block) flush();
  };

  walk(root, false);
  flush();
  return paragraphs.join("\n\n");
}
