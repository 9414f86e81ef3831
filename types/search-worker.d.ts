// What the search worker's scripts share through the worker's global scope, for tsc (tsconfig.worker.json).
// Not shipped: the site has only the .js files.

/** search-ru-core.js, loaded with importScripts: the part of its API the worker calls. */
interface SearchRuCoreApi {
  lunrStandIn(): { stopWords: Set<string> };
  stemmerFrom(lunr: unknown): (word: string) => string;
  createEngine(options: { stem: (word: string) => string; stopWords: Set<string> }, ...rest: unknown[]): any;
}

declare var SearchRuCore: SearchRuCoreApi;

interface WorkerGlobalScope {
  /** lunr's stand-in, filled by lunr-languages' stemmer scripts (search-ru-worker.js). */
  lunr?: { stopWords: Set<string> };
  /** The prebuilt index, asked for by search-worker-loader.js before the worker loads. */
  searchRuPrebuilt?: Promise<Response>;
}

// Under Material's iframe shim (file://, the offline copy) the "worker" is a page in a hidden iframe.
declare var parent: ({ IFrameWorker?: unknown } & object) | undefined;
declare var document: { querySelector(selectors: string): { src: string } | null } | undefined;
