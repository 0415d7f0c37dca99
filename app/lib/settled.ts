// Loader data as the browser has it once every streamed part arrived: single fetch streams
// each promise inside a loader's answer (decision 127). For tests and the benchmark, which
// read a loader's answer whole.

/** Loader data with each promise inside it (in its arrays and plain objects) replaced by what it resolves to. */
export type Settled<T> =
  T extends Promise<infer U> ? U : T extends readonly (infer E)[] ? Settled<E>[] : T extends object ? { [K in keyof T]: Settled<T[K]> } : T;

/**
 * `value` with every promise inside it (arrays and plain objects, at any depth) replaced by
 * what it resolves to. What a promise resolves to is taken as it is, not searched again: the
 * loaders stream promises in their answer, not inside a promise's value, and the benchmark
 * must time the loader, not a walk over every count of every chart.
 */
export async function settled<T>(value: T): Promise<Settled<T>> {
  return (await settle(value)) as Settled<T>;
}

function settle(value: unknown): unknown {
  if (value instanceof Promise) return value;
  if (Array.isArray(value)) return value.some(holdsPromise) ? Promise.all(value.map(settle)) : value;
  if (isPlainObject(value) && holdsPromise(value)) {
    const entries = Object.entries(value);
    return Promise.all(entries.map(([, v]) => settle(v))).then((values) => Object.fromEntries(entries.map(([k], i) => [k, values[i]])));
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
}

function holdsPromise(value: unknown): boolean {
  if (value instanceof Promise) return true;
  if (Array.isArray(value)) return value.some(holdsPromise);
  return isPlainObject(value) && Object.values(value).some(holdsPromise);
}
