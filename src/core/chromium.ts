// How every part of the monitor starts Debian's Chromium (crawling, PDFs, tests): headless,
// and quiet on a closed network, where its background connections would only fail.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
