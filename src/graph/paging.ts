/**
 * Paging, as pure loops over a page fetcher so they can be tested without HTTP.
 * - nextLink style (users, groups, members…): follow `@odata.nextLink` verbatim until absent; pages may be empty.
 * - `$top/$skip` style (Teams number inventory: default 500, max 1000): advance `$skip` until a short page.
 */
export interface ODataPage<T> {
  value?: T[];
  "@odata.nextLink"?: string;
}

export type PageFetcher<T> = (target: string) => Promise<ODataPage<T> | undefined>;

export async function collectNextLinkPages<T>(first: string, fetchPage: PageFetcher<T>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let target: string | undefined = first;
  while (target !== undefined) {
    seen.add(target);
    const page: ODataPage<T> | undefined = await fetchPage(target);
    items.push(...(page?.value ?? []));
    const next: string | undefined = page?.["@odata.nextLink"];
    if (next !== undefined && seen.has(next)) {
      // A server bug would otherwise loop for ever.
      throw new Error(`paging ${first}: @odata.nextLink repeats a page already read (${next})`);
    }
    target = next;
  }
  return items;
}

export async function collectSkipPages<T>(
  path: string,
  pageSize: number,
  fetchPage: PageFetcher<T>,
  keep?: (item: T) => boolean,
): Promise<T[]> {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new Error(`pageSize must be a positive integer (got ${pageSize})`);
  }
  const items: T[] = [];
  for (let skip = 0; ; skip += pageSize) {
    const page = await fetchPage(withQuery(path, { $top: pageSize, $skip: skip }));
    const value = page?.value ?? [];
    // Filtered page by page, so a caller that wants a few items of a large collection never holds all of it.
    for (const item of value) if (!keep || keep(item)) items.push(item);
    // A short page is the last one. A server that ignores $top and returns everything also ends here.
    if (value.length < pageSize) {
      return items;
    }
  }
}

/** Appends query parameters to a path that may already carry some. Values are used as given (already encoded). */
export function withQuery(path: string, params: Readonly<Record<string, string | number>>): string {
  const query = Object.entries(params)
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  if (query === "") {
    return path;
  }
  return `${path}${path.includes("?") ? "&" : "?"}${query}`;
}
