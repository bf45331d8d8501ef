interface Props {
  readonly id: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly value: number;
  /** Called only with whole numbers within min–max; anything else typed is left to finish. */
  readonly onChange: (value: number) => void;
}

export function IntegerField({ id, label, min, max, value, onChange }: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        class="input"
        type="number"
        min={min}
        max={max}
        value={value}
        onInput={(e) => {
          const n = Math.round(Number((e.currentTarget as HTMLInputElement).value));
          if (n >= min && n <= max) onChange(n);
        }}
      />
    </div>
  );
}
