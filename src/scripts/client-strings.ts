/**
 * The interface text the scripts show, as the page carries it
 * (`<script type="application/json" id="client-strings">`, written by
 * src/components/ClientStrings.astro from src/strings.ts). Reading it from the page,
 * rather than bundling src/strings.ts, means the text is already typeset and, in the
 * Traditional edition, already converted, and the scripts stay small.
 */
import type { ClientStrings } from '../strings';

let parsed: ClientStrings | undefined;

export function clientStrings(): ClientStrings {
  parsed ??= JSON.parse(document.getElementById('client-strings')?.textContent ?? 'null') as ClientStrings;
  return parsed;
}

/** A template's `{name}` slots filled in: `fill('找到{count}处', { count: 3 })`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => String(values[name] ?? slot));
}
