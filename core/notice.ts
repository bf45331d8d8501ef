/** Figma shows at most 100 characters of a `figma.notify` message (the typings); the rest is cut. */
export const NOTIFY_MAX = 100;

/** A layer name inside a notification: at most `max` characters, shortened with an ellipsis. */
export function shortName(name: string, max = 36): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A notification: the outcome first, then as much of the detail as fits in 100 characters,
 * cut at a word with an ellipsis, so what a designer must know is never the part cut off.
 */
export function notice(outcome: string, detail = ''): string {
  const text = detail ? `${outcome} ${detail}` : outcome;
  if (text.length <= NOTIFY_MAX) return text;
  const room = text.slice(0, NOTIFY_MAX - 1);
  const space = room.lastIndexOf(' ');
  // Cut at a word unless that would eat into the outcome itself.
  return `${(space > Math.min(outcome.length, NOTIFY_MAX - 20) ? room.slice(0, space) : room).trimEnd()}…`;
}
