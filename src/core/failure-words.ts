// A source's last error in a few words a monitor understands ("host not found"), with the
// kind of failure, so the terminal, `monitor status` and the dashboard say the same thing.
export type FailureKind =
  | 'host-not-found'
  | 'timed-out'
  | 'refused'
  | 'robots'
  | 'blocked-address'
  | 'http-error'
  | 'tls'
  | 'not-a-feed'
  | 'store'
  | 'other';

const RULES: [RegExp, FailureKind][] = [
  [/ENOTFOUND|EAI_AGAIN|cannot resolve|getaddrinfo/i, 'host-not-found'],
  [/timed out|ETIMEDOUT|deadline/i, 'timed-out'],
  [/robots\.txt/i, 'robots'],
  [/private or loopback address|only http and https/i, 'blocked-address'],
  [/ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|socket hang up/i, 'refused'],
  [/certificate|SSL|TLS|CERT_/i, 'tls'],
  [/\bHTTP \d{3}\b|\bstatus \d{3}\b|\b[45]\d\d\b/, 'http-error'],
  [
    /not a feed|not RSS|not well-formed|Unexpected close tag|Non-whitespace before first tag/i,
    'not-a-feed',
  ],
  [/the store|SQLITE_|database/i, 'store'],
];

export function failureKind(error: string): FailureKind {
  for (const [re, kind] of RULES) if (re.test(error)) return kind;
  return 'other';
}

export const FAILURE_WORDS: Record<'az' | 'en', Record<FailureKind, string>> = {
  en: {
    'host-not-found': 'host not found',
    'timed-out': 'timed out',
    refused: 'connection refused or dropped',
    robots: 'refused by robots.txt',
    'blocked-address': 'address not allowed',
    'http-error': 'the site answered with an error',
    tls: 'secure connection failed',
    'not-a-feed': 'not a readable feed or page',
    store: 'the store failed',
    other: 'failed',
  },
  az: {
    'host-not-found': 'host tapılmadı',
    'timed-out': 'vaxt bitdi',
    refused: 'bağlantı rədd edildi və ya kəsildi',
    robots: 'robots.txt icazə vermir',
    'blocked-address': 'ünvana icazə yoxdur',
    'http-error': 'sayt xəta ilə cavab verdi',
    tls: 'təhlükəsiz bağlantı alınmadı',
    'not-a-feed': 'oxunan lent və ya səhifə deyil',
    store: 'verilənlər bazası xətası',
    other: 'alınmadı',
  },
};

/** "host not found" (en) for an error text; HTTP errors keep their status code. */
export function failureWords(error: string, lang: 'az' | 'en' = 'en'): string {
  const kind = failureKind(error);
  const words = FAILURE_WORDS[lang][kind];
  const code = kind === 'http-error' ? /\b([45]\d\d)\b/.exec(error)?.[1] : undefined;
  return code ? `${words} (HTTP ${code})` : words;
}
