/**
 * Metadata a page declares about itself. Publishers fill Open Graph and article: tags for link previews,
 * which makes them the most reliable source of title, date and canonical URL; the rest are fallbacks.
 */

interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
export interface MetaDocument {
  querySelector(selector: string): MetaElement | null;
}

export interface PageMeta {
  title?: string;
  published?: string;
  url?: string;
  publisher?: string;
}

const TITLE = ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]'];
const PUBLISHED = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];
const URL = ['meta[property="og:url"]'];
const PUBLISHER = ['meta[property="og:site_name"]', 'meta[name="application-name"]'];

export function readPageMeta(doc: MetaDocument): PageMeta {
  const meta: PageMeta = {};
  const title = first(doc, TITLE, "content") ?? text(doc.querySelector("title"));
  if (title) meta.title = title;
  const published =
    first(doc, PUBLISHED, "content") ??
    first(doc, ["time[datetime][pubdate]", "article time[datetime]", "time[datetime]"], "datetime");
  if (published) meta.published = published;
  const url = first(doc, URL, "content") ?? first(doc, ['link[rel="canonical"]'], "href");
  if (url) meta.url = url;
  const publisher = first(doc, PUBLISHER, "content");
  if (publisher) meta.publisher = publisher;
  return meta;
}

function first(doc: MetaDocument, selectors: readonly string[], attribute: string): string | undefined {
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute(attribute)?.replace(/\s+/g, " ").trim();
    if (value) return value;
  }
  return undefined;
}

function text(el: MetaElement | null): string | undefined {
  const value = el?.textContent?.replace(/\s+/g, " ").trim();
  return value ? value : undefined;
}
