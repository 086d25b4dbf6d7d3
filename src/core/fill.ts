/** A template's `{name}` slots filled in: `fill('找到{count}处', { count: 3 })`; a slot without a value stays as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => String(values[name] ?? slot));
}
