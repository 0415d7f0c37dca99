// Loader data as the browser has it once every streamed part arrived: single fetch streams
// each promise inside a loader's answer (decision 127). For tests and the benchmark, which
// read a loader's answer whole.

/** Loader data as the browser has it once every streamed part arrived (single fetch streams each promise inside it). */
export type Settled<T> =
  T extends Promise<infer U> ? Settled<U> : T extends readonly (infer E)[] ? Settled<E>[] : T extends object ? { [K in keyof T]: Settled<T[K]> } : T;

/** `value` with every promise inside it (arrays and plain objects, at any depth) replaced by what it resolves to. */
export async function settled<T>(value: T): Promise<Settled<T>> {
  const resolved: unknown = await value;
  if (Array.isArray(resolved)) return (await Promise.all(resolved.map((v) => settled(v)))) as Settled<T>;
  if (resolved && typeof resolved === "object" && Object.getPrototypeOf(resolved) === Object.prototype) {
    const entries = await Promise.all(Object.entries(resolved).map(async ([k, v]) => [k, await settled(v)] as const));
    return Object.fromEntries(entries) as Settled<T>;
  }
  return resolved as Settled<T>;
}
