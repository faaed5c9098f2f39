export { createFetcher, BROWSER_USER_AGENT } from './fetcher.ts';
export type { FetcherOptions } from './fetcher.ts';
export { isPrivateAddress } from './private-address.ts';
