/** HTTP GET for feeds and pages: a time limit, a size limit, and the validators of a conditional request. */

/** Seconds a request may take. */
const TIMEOUT_MS = 20_000;
/** Bytes a feed or page may have (intake refuses larger pages anyway). */
const MAX_BYTES = 10 * 1024 * 1024;
const USER_AGENT = "Casebook feed reader (+https://github.com/casebook)";

export interface Fetched {
  status: number;
  body?: Uint8Array;
  etag?: string;
  lastModified?: string;
}

export class HttpError extends Error {
  readonly code = "FETCH_FAILED";
}

export async function httpGet(
  url: string,
  validators: { etag?: string | null; lastModified?: string | null } = {},
): Promise<Fetched> {
  const headers: Record<string, string> = { "user-agent": USER_AGENT };
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
  let res: Response;
  try {
    res = await fetch(url, { headers, redirect: "follow", signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new HttpError(`"${url}" could not be fetched (${cause}).`);
  }
  if (res.status === 304) return { status: 304 };
  if (res.status < 200 || res.status >= 300) {
    await res.body?.cancel().catch(() => {});
    throw new HttpError(`"${url}" answered HTTP ${res.status}.`);
  }
  const declared = Number(res.headers.get("content-length") ?? 0);
  if (declared > MAX_BYTES) {
    await res.body?.cancel().catch(() => {});
    throw new HttpError(`"${url}" is larger than ${MAX_BYTES / 1024 / 1024} MB.`);
  }
  const body = new Uint8Array(await res.arrayBuffer());
  if (body.byteLength > MAX_BYTES)
    throw new HttpError(`"${url}" is larger than ${MAX_BYTES / 1024 / 1024} MB.`);
  return {
    status: res.status,
    body,
    ...(res.headers.get("etag") ? { etag: res.headers.get("etag") as string } : {}),
    ...(res.headers.get("last-modified") ? { lastModified: res.headers.get("last-modified") as string } : {}),
  };
}
