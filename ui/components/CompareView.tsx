import { useState } from 'preact/hooks';

/**
 * Before/after of one result: the source under, the result over it, wiped by the "Compare"
 * slider (a native range: arrow keys, Home and End work), a button held down (pointer,
 * Space or Enter) to see the source alone, and "Show changes" to lay the heat map over it.
 */
export function CompareView({
  source,
  result,
  label,
  changes,
}: {
  readonly source: string | undefined;
  readonly result: string;
  readonly label: string;
  /** The heat map of where the result differs from the source, once measured. */
  readonly changes?: string | undefined;
}) {
  const [position, setPosition] = useState(50);
  const [holding, setHolding] = useState(false);
  const [showChanges, setShowChanges] = useState(false);
  const cut = holding ? 100 : position;
  const hold = (on: boolean) => (e: Event) => {
    e.preventDefault();
    setHolding(on);
  };
  return (
    <div class="compare">
      <div class="compare-stage">
        {source ? <img class="compare-before" src={source} alt="Source frame" /> : <span class="compare-before hint">Loading the source…</span>}
        {result ? <img class="compare-after" src={result} alt={label} style={{ clipPath: `inset(0 0 0 ${cut}%)` }} /> : null}
        {showChanges && changes ? <img class="compare-heat" src={changes} alt={`Where ${label} differs from the source`} /> : null}
      </div>
      <label class="row compare-slider">
        <span>Compare</span>
        <input
          class="grow"
          type="range"
          min={0}
          max={100}
          value={position}
          aria-valuetext={`${position}% source, ${100 - position}% result`}
          onInput={(e) => setPosition(Number((e.currentTarget as HTMLInputElement).value))}
        />
      </label>
      <button
        type="button"
        class="btn secondary"
        aria-pressed={holding}
        onPointerDown={hold(true)}
        onPointerUp={hold(false)}
        onPointerLeave={() => setHolding(false)}
        onKeyDown={(e: KeyboardEvent) => (e.key === ' ' || e.key === 'Enter') && hold(true)(e)}
        onKeyUp={(e: KeyboardEvent) => (e.key === ' ' || e.key === 'Enter') && hold(false)(e)}
      >
        Hold to see the source
      </button>
      <button type="button" class="btn secondary" aria-pressed={showChanges} disabled={!changes} onClick={() => setShowChanges(!showChanges)}>
        Show changes
      </button>
    </div>
  );
}
