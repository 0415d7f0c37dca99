// The translation function of Vigía, in place of i18next (docs/decisions/124-own-translate.md):
// what the app uses of it and nothing more, so that the browser carries ~1 KB instead of ~14.
// - a key is a dotted path into a dictionary (section, then names); a text that is not found, or
//   is not a string, is looked up in the next dictionary (the fallback language), then
//   `defaultValue` is used if given, else the key itself is shown;
// - `{{name}}` is replaced by options.name (String of it; null gives ""). A placeholder whose
//   value is not given stays as written. Nothing is escaped: React escapes what it renders;
// - with a numeric `count`, `key_<category>` is looked up first, the category being
//   Intl.PluralRules' for that dictionary's language (French: 0 and 1 are "one"), then
//   `key_other`, then `key`.

/** What a t call may be given: `count`, `defaultValue`, and the values of the text's placeholders. */
export interface TOptions {
  count?: number;
  defaultValue?: string;
  [name: string]: unknown;
}

export type TFunction = (key: string, options?: TOptions) => string;

/** A language and its dictionary (nested objects whose leaves are texts). */
export type Lookup = readonly [lng: string, dictionary: unknown];

const PLACEHOLDER = /{{(.+?)}}/g;

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(lng: string, count: number): string {
  let rules = pluralRules.get(lng);
  if (!rules) {
    rules = new Intl.PluralRules(lng);
    pluralRules.set(lng, rules);
  }
  return rules.select(count);
}

/** The text at a dotted key, or undefined when there is none (or an object is there). */
function find(dictionary: unknown, key: string): string | undefined {
  let node = dictionary;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Replaces each `{{name}}` of a text with its value in `values`. */
export function interpolate(text: string, values: TOptions = {}): string {
  return text.replace(PLACEHOLDER, (placeholder: string, inner: string) => {
    const name = inner.trim();
    if (!Object.hasOwn(values, name)) return placeholder;
    const value = values[name];
    return value === undefined || value === null ? "" : String(value as string | number);
  });
}

/** The text of a key in the first of the dictionaries that has it, its placeholders filled in. */
export function translate(dictionaries: readonly Lookup[], key: string, options?: TOptions): string {
  const count = typeof options?.count === "number" ? options.count : undefined;
  for (const [lng, dictionary] of dictionaries) {
    const keys = count === undefined ? [key] : [`${key}_${pluralCategory(lng, count)}`, `${key}_other`, key];
    for (const k of keys) {
      const text = find(dictionary, k);
      if (text !== undefined) return interpolate(text, options);
    }
  }
  return options?.defaultValue !== undefined ? interpolate(options.defaultValue, options) : key;
}
