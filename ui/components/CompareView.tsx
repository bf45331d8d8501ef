import { useState } from 'preact/hooks';

/**
 * Before/after of one result: the source under, the result over it, wiped by the "Compare"
 * slider (a native range: arrow keys, Home and End work), and a button held down (pointer,
 * Space or Enter) to see the source alone.
 */
export function CompareView({ source, result, label }: { readonly source: string | undefined; readonly result: string; readonly label: string }) {
  const [position, setPosition] = useState(50);
  const [holding, setHolding] = useState(false);
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
    </div>
  );
}
