import { check } from './invariants.ts';
import type { Schedule } from './schedule.ts';
import { simulate } from './simulate.ts';

/**
 * A schedule that does not end within this real time left a request unanswered (a hang): a real
 * hang never ends, so the bound only needs to be far above a loaded machine's slowest schedule
 * (5 s once flagged one while the full suite ran beside the soak).
 */
export const HANG_MS = 20_000;

/** Runs one schedule to its end and checks every promise; a hang counts as an unanswered request. */
export async function runSchedule(schedule: Schedule) {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), HANG_MS)));
  try {
    const outcome = await Promise.race([simulate(schedule), hung]);
    if (outcome === 'hung') return { unanswered: true, ...emptyCheck(`unanswered: the schedule did not end within ${HANG_MS} ms`) };
    return { unanswered: false, ...(await check(outcome)) };
  } finally {
    clearTimeout(timer);
  }
}

function emptyCheck(problem: string) {
  return { tally: undefined, problems: [problem] };
}
