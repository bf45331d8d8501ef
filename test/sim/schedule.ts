import fc from 'fast-check';

/** What Runware does with one call: answer, refuse (nothing taken), take it and lose the answer, … */
export type RunwareFault = 'ok' | 400 | 401 | 402 | 429 | 500 | 503 | 504 | 'lost' | 'lostAnswer' | 'timeout' | 'mediaExpired' | 'genError' | 'errorsBeside';
/** What happens at one UI → main request: nothing, the plugin closed at that await, clientStorage full from then on. */
export type MainFault = 'ok' | 'close' | 'quota';
/** How the designer reopens after a close. */
export type Reopen = 'same' | 'otherFile' | 'otherPage' | 'sourceDeleted';
/** Where the two frames are: side by side in a row, in a section with a mood board beside it, in a section in a section. */
export type Layout = 'row' | 'section' | 'nested';
/** What the designer does with the results: ⌘D one, move one into another section, ⌘Z the first as it lands, Keep one. */
export type DesignerAction = 'duplicate' | 'move' | 'undo' | 'keep';

export interface Schedule {
  /** An area edit marks `marker` on the first frame (frame units; it may reach past the frame's edge). */
  readonly scenario: 'edit' | 'area' | 'batch' | 'upscale';
  readonly marker: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly variations: number;
  /** The model and tier of the edits (2.0 Pro at 4K places its results as tiles). */
  readonly model: { readonly id: string; readonly tier: '1K' | '2K' | '4K' };
  /** getResponse answers `processing` this many times per task first. */
  readonly processingPolls: number;
  readonly runware: readonly RunwareFault[];
  readonly main: readonly MainFault[];
  /** Cancel after this many UI → main requests of the first session (null: never). */
  readonly cancelAfter: number | null;
  readonly reopens: readonly Reopen[];
  readonly layout: Layout;
  readonly designer: readonly DesignerAction[];
}

const runwareFault: fc.Arbitrary<RunwareFault> = fc.oneof(
  { weight: 10, arbitrary: fc.constant('ok' as const) },
  {
    weight: 6,
    arbitrary: fc.constantFrom<RunwareFault>(400, 401, 402, 429, 500, 503, 504, 'lost', 'lostAnswer', 'timeout', 'mediaExpired', 'genError', 'errorsBeside'),
  },
);
const mainFault: fc.Arbitrary<MainFault> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('ok' as const) },
  { weight: 2, arbitrary: fc.constant('close' as const) },
  { weight: 1, arbitrary: fc.constant('quota' as const) },
);

export const scheduleArbitrary: fc.Arbitrary<Schedule> = fc.record({
  scenario: fc.constantFrom('edit', 'edit', 'area', 'batch', 'upscale'),
  // Long thin markers too: the crop's ratio is then the furthest from the marker's own.
  marker: fc.record({
    x: fc.integer({ min: -100, max: 1100 }),
    y: fc.integer({ min: -100, max: 800 }),
    width: fc.integer({ min: 20, max: 1300 }),
    height: fc.integer({ min: 20, max: 1000 }),
  }),
  variations: fc.integer({ min: 1, max: 3 }),
  model: fc.constantFrom(
    { id: 'sourceful:1@2', tier: '1K' as const },
    { id: 'sourceful:1@2', tier: '1K' as const },
    { id: 'sourceful:riverflow-2.0@fast', tier: '1K' as const },
    { id: 'sourceful:riverflow-2.0@pro', tier: '4K' as const },
    { id: 'sourceful:riverflow-2.5@fast', tier: '2K' as const },
  ),
  processingPolls: fc.integer({ min: 0, max: 3 }),
  runware: fc.array(runwareFault, { maxLength: 12 }),
  main: fc.array(mainFault, { maxLength: 16 }),
  cancelAfter: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
  reopens: fc.array(fc.constantFrom<Reopen>('same', 'same', 'otherFile', 'otherPage', 'sourceDeleted'), { maxLength: 3 }),
  layout: fc.constantFrom<Layout>('row', 'section', 'nested'),
  designer: fc.uniqueArray(fc.constantFrom<DesignerAction>('duplicate', 'move', 'undo', 'keep'), { maxLength: 4 }),
});
