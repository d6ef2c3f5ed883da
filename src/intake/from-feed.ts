import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import type { Document } from "../model/index.ts";
import { IngestError } from "../model/ingest-errors.ts";
import { decodeInput } from "./decode.ts";
import { fromHtml } from "./from-html.ts";
import { fromText } from "./from-text.ts";
import { MAX_HTML_BYTES } from "./limits.ts";
import type { IntakeMeta, IntakeOptions } from "./meta.ts";

/** One item of an RSS feed or entry of an Atom feed, before it becomes a Document. */
export interface FeedEntry {
  /** 1-based position in the feed */
  index: number;
  title?: string;
  link?: string;
  guid?: string;
  /** the date as the feed writes it (RFC 822 in RSS, ISO 8601 in Atom) */
  published?: string;
  /** the content, or the description/summary when there is no content */
  body: string;
  html: boolean;
}

export interface Feed {
  /** the channel's or feed's title: the publisher of its items */
  title?: string;
  entries: FeedEntry[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
});
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_" });

/** Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed. Throws BAD_FEED when it is not XML or not a feed. */
export function parseFeed(raw: Uint8Array | string): Feed {
  const xml = decodeInput(raw, MAX_HTML_BYTES, "feed");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new IngestError(
      "BAD_FEED",
      `The feed is not well-formed XML (line ${line}, column ${col}: ${msg.replace(/\.$/, "")}).`,
    );
  }
  const root = parser.parse(xml) as Node;
  const rss = node(root.rss);
  const rdf = node(root["rdf:RDF"]);
  const atom = node(root.feed);
  if (rss || rdf) {
    const channel = node(rss?.channel) ?? node(rdf?.channel);
    const items = list(rss ? channel?.item : rdf?.item);
    return { ...opt("title", text(channel?.title)), entries: items.map(rssEntry) };
  }
  if (atom) return { ...opt("title", text(atom.title)), entries: list(atom.entry).map(atomEntry) };
  const name = Object.keys(root).find((k) => !k.startsWith("?")) ?? "none";
  throw new IngestError(
    "BAD_FEED",
    `The file is XML but not an RSS or Atom feed (its root element is <${name}>).`,
  );
}

/** An entry as a Document: its link, date, title and the feed's title kept; HTML content read as a page. */
export function feedEntryDocument(
  entry: FeedEntry,
  feed: Feed,
  meta: Pick<IntakeMeta, "tlp" | "published"> = {},
  options: IntakeOptions = {},
): Document {
  const m: IntakeMeta = {
    id: entry.guid ?? entry.link ?? `item-${entry.index}`,
    title: entry.title,
    url: entry.link,
    publisher: feed.title,
    published: entry.published === undefined ? meta.published : feedDate(entry.published),
    tlp: meta.tlp,
  };
  return entry.html ? fromHtml(entry.body, m, options) : fromText(entry.body, m, options);
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * An RSS date ("Sat, 10 Sep 2022 08:15:00 +0200") as the calendar day it names, in its own zone, like the
 * timestamps intake accepts elsewhere; anything else is passed on for intake to accept or refuse.
 */
export function feedDate(value: string): string {
  const m = /^\s*(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})\b/.exec(value);
  const month = m ? MONTHS.indexOf((m[2] ?? "").toLowerCase()) + 1 : 0;
  if (!m || month === 0) return value.trim();
  return `${m[3]}-${String(month).padStart(2, "0")}-${(m[1] ?? "").padStart(2, "0")}`;
}

function rssEntry(item: unknown, k: number): FeedEntry {
  const n = node(item) ?? {};
  const body = text(n["content:encoded"]) ?? text(n.description) ?? "";
  const link =
    list(n.link)
      .map(text)
      .find((l) => l !== undefined) ?? text(n["@_rdf:about"]);
  return {
    index: k + 1,
    ...opt("title", text(n.title)),
    ...opt("link", link),
    ...opt("guid", text(n.guid)),
    ...opt("published", text(n.pubDate) ?? text(n["dc:date"])),
    body,
    html: looksLikeHtml(body),
  };
}

function atomEntry(entry: unknown, k: number): FeedEntry {
  const n = node(entry) ?? {};
  const links = list(n.link).map((l) => node(l) ?? {});
  const link = links.find((l) => l["@_rel"] === undefined || l["@_rel"] === "alternate") ?? links[0];
  const content = node(n.content) ?? node(n.summary);
  const raw = n.content ?? n.summary;
  const type = typeof content?.["@_type"] === "string" ? content["@_type"] : "text";
  let body: string;
  if (type === "xhtml" && content) {
    const { "@_type": _type, ...inner } = content;
    body = builder.build(inner) as string;
  } else {
    body = text(raw) ?? "";
  }
  return {
    index: k + 1,
    ...opt("title", text(n.title)),
    ...opt("link", text(link?.["@_href"])),
    ...opt("guid", text(n.id)),
    ...opt("published", text(n.published) ?? text(n.updated)),
    body,
    html: type === "html" || type === "xhtml" || looksLikeHtml(body),
  };
}

const HTML_TAG =
  /<\/?(?:p|div|br|a|b|i|em|strong|span|ul|ol|li|h[1-6]|img|blockquote|article|section|figure)\b[^>]*>/i;

function looksLikeHtml(s: string): boolean {
  return HTML_TAG.test(s);
}

function node(v: unknown): Node | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Node) : undefined;
}

function list(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/** The text of an element, whether the parser gave it as a string or as an object with attributes. */
function text(v: unknown): string | undefined {
  const inner = node(v)?.["#text"];
  const s =
    typeof v === "string"
      ? v
      : typeof v === "number"
        ? String(v)
        : inner === undefined
          ? undefined
          : text(inner);
  const t = s?.trim();
  return t ? t : undefined;
}

function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
