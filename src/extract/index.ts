// Article extraction: HTML page → title, body text, date, author, canonical URL, language.
export { createExtractor, type ExtractorOptions } from './extractor.ts';
export { extractFiles, type ExtractFilesDeps } from './extract-files.ts';
export { decodeHtml } from './decode.ts';
export { MAX_HTML_CHARS } from './dom.ts';
