import * as z from 'zod/mini';
import { roundUsd } from '../pricing.ts';

/**
 * What this computer spent on Runware this month (Runware's `cost` of each charged task), kept in
 * clientStorage: per user and machine, like the key that pays. A new month starts from zero.
 */
export const MonthSpendSchema = z.object({
  /** Local calendar month, `YYYY-MM`. */
  month: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  usd: z.number().check(z.gte(0)),
});
export type MonthSpend = z.infer<typeof MonthSpendSchema>;

export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** This month's total so far (an older record counts as nothing). */
export function spentThisMonth(record: MonthSpend | null, now: Date): number {
  return record && record.month === monthOf(now) ? record.usd : 0;
}

export function addSpend(record: MonthSpend | null, usd: number, now: Date): MonthSpend {
  return { month: monthOf(now), usd: roundUsd(spentThisMonth(record, now) + Math.max(0, usd)) };
}
