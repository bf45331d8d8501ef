/** The words of anything thrown: an Error's message, else the value as text. One place, so every edge says it alike. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
