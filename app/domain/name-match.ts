// Are two victims' names possibly the same person? Used to warn about duplicate
// case records before saving. Deliberately generous: a false alarm costs a
// click, a missed duplicate double-counts a person.

/** Lower case, accents removed, punctuation (apostrophes, hyphens, dots) as spaces. */
export function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("und")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Words of a name that identify someone (particles such as "de", "la", "y" are left out). */
export function nameTokens(name: string): string[] {
  const particles = new Set(["de", "del", "la", "las", "los", "y", "e", "da", "do", "dos", "van", "von", "el"]);
  const tokens = foldName(name).split(" ").filter(Boolean);
  const meaningful = tokens.filter((t) => !particles.has(t));
  return meaningful.length ? meaningful : tokens;
}

export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[y.length];
}

/** Same word, allowing one typo in words of five letters or more (Vasquez / Vazquez). */
function sameToken(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min([...a].length, [...b].length) < 5) return false;
  return editDistance(a, b) <= 1;
}

/**
 * Similarity from 0 to 1: the share of the shorter name's words found in the
 * other (so "José Pérez" matches "José Luis Pérez García"), or the edit
 * similarity of the whole folded names, whichever is higher.
 */
export function nameSimilarity(a: string, b: string): number {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (!ta.length || !tb.length) return 0;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const used = new Set<number>();
  let shared = 0;
  for (const t of short) {
    const index = long.findIndex((u, i) => !used.has(i) && sameToken(t, u));
    if (index >= 0) {
      used.add(index);
      shared++;
    }
  }
  const overlap = shared / short.length;
  const fa = foldName(a);
  const fb = foldName(b);
  const whole = 1 - editDistance(fa, fb) / Math.max([...fa].length, [...fb].length, 1);
  return Math.max(overlap, whole);
}

export const SIMILAR_NAME_THRESHOLD = 0.5;

export function similarNames(a: string, b: string): boolean {
  return nameSimilarity(a, b) >= SIMILAR_NAME_THRESHOLD;
}
