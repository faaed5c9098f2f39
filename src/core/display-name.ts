// Names as outputs show them: the Azerbaijani spelling in Azerbaijani outputs, the English
// one (held as data beside it: nameEn in the dictionaries and the source list) in English.
export type OutputLang = 'az' | 'en';

export interface Named {
  name: string;
  nameEn?: string | undefined;
}

export function displayName(x: Named, lang: OutputLang): string {
  return lang === 'en' ? (x.nameEn ?? x.name) : x.name;
}

/** id → display name, for tables and charts that hold ids. */
export function displayNames(list: readonly (Named & { id: string })[], lang: OutputLang) {
  return Object.fromEntries(list.map((x) => [x.id, displayName(x, lang)])) as Record<
    string,
    string
  >;
}
