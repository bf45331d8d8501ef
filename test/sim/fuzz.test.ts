import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ToMainSchema } from '../../core/protocol/toMain.ts';
import { PROVENANCE_KEY } from '../../core/records/provenance.ts';
import { parseBody } from '../../core/runware/response.ts';
import { RunwareError } from '../../core/runware/failures.ts';
import { buildInferenceTasks } from '../../core/runware/tasks.ts';
import { findPreset } from '../../core/sizes.ts';
import { bootPlugin } from '../helpers/bootPlugin.ts';
import { client } from '../helpers/scriptedClient.ts';

/**
 * Every edge, fed random shapes: never a crash or an unhandled rejection, always a clear
 * message, nothing lost. An unhandled rejection fails the run (vitest reports it).
 */
type Options = { _zod: { def: { options: { _zod: { def: { shape: { type: { _zod: { def: { values: string[] } } } } } } }[] } } };
// Every message type of the union; the quick edit's end is left out (it closes the plugin, by design).
const OPTIONS = (ToMainSchema as unknown as Options)._zod.def.options;
const TYPES = OPTIONS.map((o) => o._zod.def.shape.type._zod.def.values[0]!).filter((t) => t !== 'quick-edit-done');
/** Requests carry an id and are answered; events are not. */
const REQUESTS = new Set(OPTIONS.filter((o) => 'id' in o._zod.def.shape).map((o) => o._zod.def.shape.type._zod.def.values[0]!));
const junk = fc.anything({ withTypedArray: true, withMap: true, withSet: true, withBigInt: false, maxDepth: 3 });

describe('fuzzing every edge', () => {
  it('the main thread answers every request it can read, and drops what it cannot, whatever the UI sends', async () => {
    const p = bootPlugin();
    await p.ready();
    let id = 1000;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TYPES), fc.dictionary(fc.string({ maxLength: 12 }), junk, { maxKeys: 5 }), async (type, fields) => {
        const message = { ...fields, type, id: id++ };
        const readable = REQUESTS.has(type) && ToMainSchema.safeParse(message).success;
        p.host.fromUI(message);
        if (readable) {
          // A request that passes the schema always ends with a reply (success, or words a person can read).
          const reply = await p.waitFor('reply', (r) => r.id === message.id);
          if (!reply.ok) expect(reply.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
    // Wholly random values are dropped too.
    await fc.assert(
      fc.asyncProperty(junk, async (raw) => {
        p.host.fromUI(raw);
      }),
      { numRuns: 200 },
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(p.host.closed).toBe(false);
  });

  it('stored records of any shape (clientStorage, and plugin data from an older version or a hostile file) fall back, and the panel opens', async () => {
    const KEYS = ['apiKey', 'settings', 'pendingRuns', 'pendingRun:run-1', 'uploads', 'transport', 'devEndpoints', 'recentPrompts', 'panelSize'];
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...KEYS), junk, { maxKeys: 9 }),
        fc.array(fc.oneof(fc.string(), fc.json()), { maxLength: 4 }),
        async (storage, provenance) => {
          const p = bootPlugin({
            storage,
            setup: (host) => {
              for (const [i, raw] of provenance.entries())
                host.addFrame(`Old ${i}`, { x: i * 200, y: 0, width: 100, height: 100 }).setPluginData(PROVENANCE_KEY, raw);
              host.figma.root.setPluginData('riverflowPlaced', provenance[0] ?? '');
            },
          });
          p.tell({ type: 'ui-ready' });
          const init = await p.waitFor('init');
          expect(Array.isArray(init.pending)).toBe(true);
          p.tell({ type: 'get-history' });
          await p.waitFor('history');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('Runware answers of random shape end in a RunwareError with words, never a crash, and nothing unknown is charged as accepted', async () => {
    const tasks = buildInferenceTasks(
      {
        model: 'sourceful:1@2',
        prompt: 'teal tin',
        preset: findPreset(1024, 1024)!,
        references: ['r'],
        outputFormat: 'PNG',
        outputQuality: 95,
        checkContent: false,
      },
      ['a0000000-0000-4000-8000-000000000001'],
    );
    const body = fc.oneof(
      fc.json(),
      fc.record({ data: fc.array(junk, { maxLength: 3 }), errors: fc.array(junk, { maxLength: 3 }) }, { requiredKeys: [] }).map((b) => JSON.stringify(b)),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(200, 400, 401, 402, 429, 500, 503, 504), body, async (status, text) => {
        const parsed = parseBody(status, text);
        const { c } = client(() => (parsed.ok ? parsed.envelope : new RunwareError({ kind: 'malformed', status })));
        try {
          const outcomes = await c.submit(tasks);
          for (const o of outcomes.values()) if (o.accepted !== true) expect(o.cause.message.length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(RunwareError);
          expect((e as RunwareError).message.length).toBeGreaterThan(0);
        }
        try {
          await c.poll(
            ['a0000000-0000-4000-8000-000000000001'],
            { onResult: async () => {}, onTaskFailed: async () => {} },
            new AbortController().signal,
            true,
          );
        } catch (e) {
          expect(e).toBeInstanceOf(RunwareError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
