import { formatUsd, plural, PRICE_NOT_PUBLISHED } from '../../core/format.ts';

interface Props {
  /** The run's estimate and one image's price; undefined where the page publishes none. */
  readonly estimate: number | undefined;
  readonly each: number | undefined;
  readonly images: number;
  readonly model: string;
  /** What Runware charged this session, and this month on this computer. */
  readonly session: number;
  readonly month: number;
}

/** The run's price before it is sent, and what was spent: "Estimated cost: $0.15 (2 images × $0.077 …) · this session $0.31 · this month $4.20". */
export function EstimateLine({ estimate, each, images, model, session, month }: Props) {
  const count = plural(images, 'image');
  const price =
    estimate === undefined || each === undefined
      ? `${PRICE_NOT_PUBLISHED} (${count} on ${model})`
      : `${formatUsd(estimate)} (${count} × ${formatUsd(each)} on ${model})`;
  return (
    <p class="hint" data-testid="estimate">
      Estimated cost: {price}
      {session > 0 ? ` · this session ${formatUsd(session)}` : ''}
      {month > 0 ? ` · this month ${formatUsd(month)}` : ''}
    </p>
  );
}
