import {
  type Feed,
  type FeedEntry,
  feedDate,
  feedEntryDocument,
  fromHtml,
  parseFeed,
} from "../intake/index.ts";
import type { Document, Tlp } from "../model/index.ts";

export type { Feed, FeedEntry };

/** Reads a fetched RSS or Atom feed (BAD_FEED when it is not one). */
export function readFeed(body: Uint8Array): Feed {
  return parseFeed(body);
}

/** What names a feed item for good: its guid, else its link, else its place and title. */
export function feedItemKey(entry: FeedEntry): string {
  return entry.guid ?? entry.link ?? `#${entry.index}:${entry.title ?? ""}`;
}

/**
 * A feed item as a Document: the page its link leads to when it was fetched (the article in full), else the
 * item's own content. The item's title, link, date and the feed's title are kept either way.
 */
export function feedItemDocument(
  entry: FeedEntry,
  feed: Feed,
  page: Uint8Array | undefined,
  options: { tlp?: Tlp; now?: Date } = {},
): Document {
  const now = options.now === undefined ? {} : { now: options.now };
  if (page === undefined) return feedEntryDocument(entry, feed, { tlp: options.tlp }, now);
  return fromHtml(
    page,
    {
      id: feedItemKey(entry),
      title: entry.title,
      url: entry.link,
      publisher: feed.title,
      published: entry.published === undefined ? undefined : feedDate(entry.published),
      tlp: options.tlp,
    },
    now,
  );
}
