/** Reading parsed JSON whose shape is not known: a property of an object, else undefined. */
export function readProperty(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null) return undefined;
  return (value as Record<string, unknown>)[key];
}
