/**
 * Runware keys are long opaque tokens of letters and digits. This only catches what is
 * obviously not a key (spaces, a pasted sentence, a truncated copy) before any request;
 * the server stays the judge of validity.
 */
export function apiKeyProblem(key: string): string | undefined {
  const k = key.trim();
  if (k.length === 0) return 'Enter your Runware API key.';
  if (/\s/.test(k)) return 'That API key has spaces in it: paste the key alone.';
  if (!/^[A-Za-z0-9_-]+$/.test(k)) return 'That doesn’t look like a Runware API key: it should be letters and digits only.';
  if (k.length < 20) return 'That API key looks too short: copy the whole key from my.runware.ai.';
  if (k.length > 200) return 'That API key looks too long: copy only the key.';
  return undefined;
}

/** Removes every occurrence of the key from text we show or log (server messages can echo it). */
export function scrubSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('•••');
}
