// Growth of the store's per-event typed arrays: doubling, so adding a million events one batch
// at a time copies each array about twenty times, not once per batch.

export function grown<T extends Uint32Array | Float64Array | Uint8Array>(array: T, needed: number): T {
  if (needed <= array.length) return array
  let capacity = Math.max(1024, array.length)
  while (capacity < needed) capacity *= 2
  const next = new (array.constructor as new (n: number) => T)(capacity)
  next.set(array)
  return next
}
