export const MAX_RECENT_PROMPTS = 20;

/**
 * Recent prompts across documents: newest first, without repeats, at most 20. One rule,
 * used by the main thread's storage and by the panel's immediate update.
 */
export function rememberRecent(recent: readonly string[], prompt: string): string[] {
  const text = prompt.trim();
  if (!text) return [...recent];
  return [text, ...recent.filter((p) => p !== text)].slice(0, MAX_RECENT_PROMPTS);
}
