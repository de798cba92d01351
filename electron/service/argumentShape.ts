// A bound on the shape of any request's arguments, checked before the method's schema: JSON as
// deep or as wide as a 1 MB body allows would otherwise reach recursive code (the schemas, JSON
// stringify, the engine) and overflow the stack. Iterative, so the check itself cannot.

export const MAX_ARGUMENT_DEPTH = 32;
export const MAX_ARRAY_LENGTH = 10_000;
export const MAX_OBJECT_KEYS = 10_000;

/** Why the arguments are out of bounds, or null when they are within them. */
export function argumentShapeProblem(args: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: args, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_ARGUMENT_DEPTH) return `the arguments are nested deeper than ${MAX_ARGUMENT_DEPTH} levels`;
    const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
    if (Array.isArray(value) && value.length > MAX_ARRAY_LENGTH) return `a list in the arguments has ${value.length} items (at most ${MAX_ARRAY_LENGTH})`;
    if (!Array.isArray(value) && children.length > MAX_OBJECT_KEYS) return `an object in the arguments has ${children.length} keys (at most ${MAX_OBJECT_KEYS})`;
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
}
