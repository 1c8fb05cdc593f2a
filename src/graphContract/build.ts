import { GRAPH_ENDPOINT_SOURCES } from "./endpoints";
import { parsePage } from "./parsePage";
import type { EndpointContract, GraphContract } from "./types";

/** A page's text and the commit it was read at, from whatever checkout the caller has. */
export type PageReader = (path: string) => { text: string; commit: string } | undefined;

export const GRAPH_DOCS_REPOSITORY = "microsoftgraph/microsoft-graph-docs-contrib";

/** The contract of every emulator Graph route; a listed page that cannot be read is an error. */
export function buildGraphContract(read: PageReader, note: string): GraphContract {
  const endpoints: EndpointContract[] = GRAPH_ENDPOINT_SOURCES.map((src) => {
    if (src.page === null) {
      return {
        route: src.route,
        page: null,
        commit: null,
        reason: src.reason,
        http: [],
        queryOptions: { kind: "generic" },
        headers: [],
        consistencyLevelFor: [],
        body: { kind: "none" },
        successStatus: null,
        response: "",
      };
    }
    const page = read(src.page);
    if (!page) throw new Error(`${src.page}: not in the checkout (needed for ${src.route})`);
    return { route: src.route, page: src.page, commit: page.commit, ...parsePage(page.text) };
  });
  return {
    source: {
      repository: GRAPH_DOCS_REPOSITORY,
      note,
      generatedBy: "tools/graph-contract/generate.ts (src/graphContract/parsePage.ts)",
    },
    endpoints,
  };
}
