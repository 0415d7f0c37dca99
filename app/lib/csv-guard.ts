// The formula guard of every CSV Vigía writes, and its exact inverse for every CSV it reads
// back (the Global Witness import): a cell a spreadsheet would run as a formula is written
// with an apostrophe before it, and reading takes that one apostrophe off again.

// Characters that make a spreadsheet read a cell as a formula (OWASP's list), and
// their full-width forms, which some spreadsheet programs fold into the same.
// Leading whitespace does not protect: several programs trim it before parsing.
const FORMULA = "\\s*[=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20]";
/**
 * Guarded: a formula start, or apostrophes before one. Text that already begins with
 * apostrophes and a formula gets one more, so that reading it back can tell it from a guard.
 */
const GUARDED_ON_WRITE = new RegExp(`^'*${FORMULA}`);
const GUARD_ON_READ = new RegExp(`^'+${FORMULA}`);

/** Text a spreadsheet would run as a formula, with an apostrophe before it. */
export function guardText(text: string): string {
  return GUARDED_ON_WRITE.test(text) ? `'${text}` : text;
}

/** The text as it was before guardText: unguardText(guardText(s)) === s for every s. */
export function unguardText(text: string): string {
  return GUARD_ON_READ.test(text) ? text.slice(1) : text;
}
