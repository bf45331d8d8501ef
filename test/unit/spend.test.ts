import { describe, expect, it } from 'vitest';
import { modelOf, sizeOf } from '../../core/models.ts';
import { asksFirst, quoteRun, spendLabel } from '../../core/spend.ts';

const PRO11 = modelOf('sourceful:1@2');
const FAST25 = modelOf('sourceful:riverflow-2.5@fast');

describe('the spend rule (core/spend.ts)', () => {
  it('quotes a run at its estimate, and asks only above the threshold ($5 unless set)', () => {
    const quote = quoteRun(PRO11, sizeOf(PRO11, 1024, 1024)!, 65);
    expect(quote).toEqual({ usd: 5.005, exact: true, detail: '65 images × $0.077 on Riverflow 1.1 Pro' });
    expect([asksFirst(quote, undefined), asksFirst(quote, 6), asksFirst(quoteRun(PRO11, sizeOf(PRO11, 1024, 1024)!, 64), undefined)]).toEqual([
      true,
      false,
      false,
    ]);
    expect(spendLabel(quote)).toBe('Spend $5.005');
  });

  it('asks for anything paid at a threshold of 0', () => {
    expect(asksFirst(quoteRun(FAST25, sizeOf(FAST25, 1024, 1024)!, 1, 'low'), 0)).toBe(true);
  });

  it('with no published price, quotes the least it can cost and says so', () => {
    const quote = quoteRun(FAST25, sizeOf(FAST25, 2048, 2048)!, 300, 'high');
    expect(quote.exact).toBe(false);
    expect(quote.usd).toBe(6.3); // 300 × $0.021, the cheapest published 2.5 Fast price
    expect(quote.detail).toBe('300 images on Riverflow 2.5 Fast at 2K, whose price is not published: at least $0.021 each');
    expect(asksFirst(quote, 5)).toBe(true);
    expect(spendLabel(quote)).toBe('Spend at least $6.30');
  });
});

describe('this month’s spend on this computer (core/records/monthSpend.ts)', () => {
  it('adds charged costs within a month, starts again in a new one, and ignores what is not a charge', async () => {
    const { addSpend, spentThisMonth, MonthSpendSchema } = await import('../../core/records/monthSpend.ts');
    const dec = new Date(2026, 11, 31, 23, 0);
    const jan = new Date(2027, 0, 1, 0, 30);
    const first = addSpend(null, 0.077, dec);
    const second = addSpend(first, 0.033, dec);
    expect(second).toEqual({ month: '2026-12', usd: 0.11 });
    expect(spentThisMonth(second, jan)).toBe(0);
    expect(addSpend(second, 0.02, jan)).toEqual({ month: '2027-01', usd: 0.02 });
    expect(addSpend(second, -5, dec).usd).toBe(0.11);
    expect(MonthSpendSchema.safeParse({ month: '2026-13x', usd: 1 }).success).toBe(false);
  });
});
