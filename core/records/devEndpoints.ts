import * as z from 'zod/mini';

/** Tunable waits: the defaults suit the real API; the playground shortens them for tests. */
export const TimingSchema = z.object({
  requestTimeoutMs: z.number().check(z.positive()),
  pollLimitMs: z.number().check(z.positive()),
  /** Multiplies every poll and retry delay (the test harness runs the schedule faster). */
  pollScale: z.number().check(z.positive()),
});
export type Timing = z.infer<typeof TimingSchema>;
export const DEFAULT_TIMING: Timing = { requestTimeoutMs: 60_000, pollLimitMs: 20 * 60_000, pollScale: 1 };

/** A loopback override of Runware's hosts (the playground's emulator), kept in clientStorage. */
export const DevEndpointsSchema = z.object({ rest: z.string(), ws: z.string(), timing: z.optional(TimingSchema) });
export type DevEndpoints = z.infer<typeof DevEndpointsSchema>;
