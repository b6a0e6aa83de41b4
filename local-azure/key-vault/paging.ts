/**
 * Paging of the list operations as Key Vault does it: `maxresults` up to 25, an opaque
 * `$skiptoken` naming the last key returned, and an absolute nextLink the SDK follows verbatim.
 */
import { failBadParameter, type Outcome } from "./outcome.ts";
import type { StoredSecret } from "./secret-store.ts";
import type { Vault } from "./vault.ts";

/** What paging needs of an operation's context. */
export interface PagingContext {
  vault: Pick<Vault, "settings">;
  url: URL;
  apiVersion: string;
}

const DEFAULT_PAGE_SIZE = 25;

export interface PageRequest {
  size: number;
  /** Opaque to clients: the last key (or version index) the previous page returned. */
  marker?: string;
}

function readPageRequest(url: URL): { ok: true; page: PageRequest } | { ok: false; outcome: Outcome } {
  const rawSize = url.searchParams.get("maxresults");
  let size = DEFAULT_PAGE_SIZE;
  if (rawSize !== null) {
    size = /^\d+$/.test(rawSize) ? Number(rawSize) : Number.NaN;
    if (!(size >= 1 && size <= DEFAULT_PAGE_SIZE)) {
      return {
        ok: false,
        outcome: failBadParameter(`Invalid value for maxresults: ${rawSize}. It must be an integer from 1 to ${DEFAULT_PAGE_SIZE}.`),
      };
    }
  }
  const token = url.searchParams.get("$skiptoken");
  if (token === null) return { ok: true, page: { size } };
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    const marker = (parsed as { NextMarker?: unknown } | null)?.NextMarker;
    if (typeof marker === "string") return { ok: true, page: { size, marker } };
  } catch {
    // fall through to the 400 below
  }
  return { ok: false, outcome: failBadParameter("The $skiptoken parameter is invalid.") };
}

/** Absolute, with an explicit :443 like the real service; the SDK follows it verbatim. */
function buildNextLink(context: PagingContext, page: PageRequest, marker: string): string {
  const { url } = context;
  const token = Buffer.from(JSON.stringify({ NextMarker: marker })).toString("base64url");
  const query = `api-version=${encodeURIComponent(context.apiVersion)}&$skiptoken=${token}&maxresults=${page.size}`;
  return `https://${url.hostname}:${url.port === "" ? "443" : url.port}${url.pathname}?${query}`;
}

export function answerPage(
  context: PagingContext,
  page: PageRequest,
  items: unknown[],
  lastMarker: string | undefined,
  hasMore: boolean,
): Outcome {
  // With trailingEmptyPage, a full last page links to one more page that comes back empty.
  const linkOnward = hasMore || (context.vault.settings.trailingEmptyPage === true && items.length > 0);
  const nextLink = linkOnward && lastMarker !== undefined ? buildNextLink(context, page, lastMarker) : null;
  return { status: 200, body: { value: items, nextLink } };
}

export function listNames(
  context: PagingContext,
  entries: Iterable<[string, StoredSecret]>,
  page: PageRequest,
  keep: (secret: StoredSecret) => boolean,
  toItem: (secret: StoredSecret) => unknown,
): Outcome {
  const items: unknown[] = [];
  let lastMarker: string | undefined;
  let hasMore = false;
  for (const [key, secret] of entries) {
    if (!keep(secret)) continue;
    if (items.length === page.size) {
      hasMore = true;
      break;
    }
    items.push(toItem(secret));
    lastMarker = key;
  }
  return answerPage(context, page, items, lastMarker, hasMore);
}

export function withPage(context: PagingContext, list: (page: PageRequest) => Outcome): Outcome {
  const request = readPageRequest(context.url);
  return request.ok ? list(request.page) : request.outcome;
}
