import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { compositeSize } from '../../core/composite/areaPlan.ts';
import { readImageSize, sniffImageKind } from '../../core/imageInfo.ts';
import type { ReplyValue, RequestBody, RequestType } from '../../core/protocol/requests.ts';
import type { Reference } from '../../core/protocol/shared.ts';
import type { ToMain } from '../../core/protocol/toMain.ts';
import { ToUISchema, type ToUI } from '../../core/protocol/toUI.ts';
import { parseBody } from '../../core/runware/response.ts';
import { RunwareError } from '../../core/runware/failures.ts';
import type { ImageResult } from '../../core/runware/response.ts';
import { createAccount, type Account } from '../../dev/emulator/account.ts';
import { runTasks } from '../../dev/emulator/runware.ts';
import { createFakeFigma, type FakeHost } from '../../dev/fake-figma/figma.ts';
import type { ExportRenderer, FakeSceneNode } from '../../dev/fake-figma/nodes.ts';
import { base64ToBytes } from '../../ui/base64.ts';
import { RequestFailed } from '../../ui/requestFailed.ts';
import type { RunHost } from '../../ui/run/runHost.ts';
import { RunwareClient } from '../../ui/runware/client.ts';
import type { SendOptions, Transport } from '../../ui/runware/transport.ts';
import type { MainFault, RunwareFault, Schedule } from './schedule.ts';

export const SIM_KEY = 'simKey0123456789abcdefABCDEF0123';
// Compiled once; each open runs it afresh (new module state), as Figma starts a new sandbox.
const CODE = new vm.Script(readFileSync(new URL('../../dist/code.js', import.meta.url), 'utf8'));
const never = <T>() => new Promise<T>(() => {});

/** Exports as one plain PNG per size, made once: the simulation is about order of events, not pixels. */
const pngs = new Map<string, Promise<Uint8Array>>();
const plainRenderer: ExportRenderer = async (_node, { width, height }) => {
  const key = `${width}x${height}`;
  if (!pngs.has(key)) {
    const sharp = (await import('sharp')).default;
    pngs.set(
      key,
      sharp({ create: { width, height, channels: 3, background: '#c84' } })
        .png({ palette: true, compressionLevel: 9 })
        .toBuffer()
        .then((b) => new Uint8Array(b)),
    );
  }
  return pngs.get(key)!;
};

const refusal: Record<number, string> = {
  400: 'invalidParameter',
  401: 'invalidApiKey',
  402: 'insufficientCredits',
  429: 'rateLimitExceeded',
  500: 'internalServerError',
  503: 'serviceUnavailable',
  504: 'timeoutProvider',
};

/**
 * One designer's machine for one schedule: the fake Figma running the real dist/code.js, the
 * emulator's account and task state machine in-process, and the UI's real run code talking to
 * both. Faults come from the schedule, in order; a closed plugin's UI is dead (its calls hang).
 */
export class World {
  readonly account: Account = createAccount({ apiKeys: [SIM_KEY] });
  readonly host: FakeHost;
  readonly logs: string[] = [];
  readonly messages: unknown[] = [];
  /** Every taskUUID the UI generated, from the runs it wrote down before submitting. */
  readonly written = new Set<string>();
  generation = 0;
  /** The seeded clock, shared by every session (time goes on while the plugin is closed). */
  clock = 0;
  private nextId = 1;
  private runwareStep = 0;
  private mainStep = 0;
  private replies = new Map<number, (m: Extract<ToUI, { type: 'reply' }>) => void>();
  private references = new Map<number, Reference[]>();
  private init: ((m: Extract<ToUI, { type: 'init' }>) => void) | undefined;
  private shown: (() => void) | undefined;
  private closing: (() => void)[] = [];
  faultsOn = true;
  /** Runware calls on their way (a closed plugin's too): Runware goes on with them after the plugin is gone. */
  readonly inflight = new Set<Promise<unknown>>();
  /** Nodes the designer made or moved (a ⌘D copy, a result moved into another section): never the plugin's to remove. */
  readonly designerNodes = new Set<FakeSceneNode>();
  /** The designer's ⌘D copies: they carry a result's provenance but are not placements. */
  readonly copies = new Set<FakeSceneNode>();
  /** Tasks whose result the designer took back (⌘Z) or let Keep remove: gone on purpose, not lost. */
  readonly takenBack = new Set<string>();
  /** ⌘Z right after the first result lands (an edit's), then a check that the document is exactly as before it. */
  undoPending: boolean;
  undoMismatches = 0;
  /** An area edit's crop sent at another ratio than its task's size (the model would squeeze it). */
  readonly squeezedCrops: string[] = [];

  constructor(readonly schedule: Schedule) {
    this.undoPending = schedule.designer.includes('undo') && (schedule.scenario === 'edit' || schedule.scenario === 'area');
    this.account.behaviour = { ...this.account.behaviour, cheapImages: true, processingPolls: schedule.processingPolls };
    this.host = createFakeFigma({
      render: plainRenderer,
      storage: { apiKey: SIM_KEY },
      storageLatencyMs: 0,
      toUI: (m) => this.fromPlugin(m),
      onShowUI: () => this.shown?.(),
    });
  }

  private fromPlugin(raw: unknown): void {
    const m = ToUISchema.parse(raw);
    this.messages.push(m);
    if (m.type === 'reply') this.replies.get(m.id)?.(m);
    else if (m.type === 'reference') (this.references.get(m.id) ?? []).splice(m.index, 1, m.reference);
    else if (m.type === 'init') this.init?.(m);
  }

  /** Starts dist/code.js as Figma does and waits for its init, as the panel does. */
  async open(): Promise<Extract<ToUI, { type: 'init' }>> {
    this.generation++;
    const console = { log: (...a: unknown[]) => this.logs.push(a.map(String).join(' ')), error: (...a: unknown[]) => this.logs.push(a.map(String).join(' ')) };
    const started = new Promise<Extract<ToUI, { type: 'init' }>>((resolve) => (this.init = resolve));
    // The iframe exists once figma.showUI ran: only then does the UI say it is ready.
    const shown = new Promise<void>((resolve) => (this.shown = resolve));
    CODE.runInNewContext({ figma: this.host.figma, __html__: '', __uiFiles__: {}, console, setTimeout, clearTimeout, setInterval, clearInterval, fetch });
    this.host.run('');
    await shown;
    this.send({ type: 'ui-ready' });
    return started;
  }

  /** The designer closes the plugin: its UI dies with it, and unfinished clientStorage writes are lost. */
  close(): void {
    this.closing.splice(0).forEach((resolve) => resolve());
    this.host.close();
    this.host.restart();
    this.generation++;
  }

  /** Resolves when the plugin of `generation` is closed, or at once if it already was (a run racing it is abandoned). */
  whenClosed(generation: number): Promise<void> {
    return generation !== this.generation ? Promise.resolve() : new Promise((resolve) => this.closing.push(resolve));
  }

  private send(message: ToMain): void {
    if (!this.host.closed) this.host.fromUI(message);
  }

  nextMainFault(): MainFault {
    return this.faultsOn ? (this.schedule.main[this.mainStep++] ?? 'ok') : 'ok';
  }

  nextRunwareFault(): RunwareFault {
    return this.faultsOn ? (this.schedule.runware[this.runwareStep++] ?? 'ok') : 'ok';
  }

  /** Each area task's first reference (the crop) has the task's own ratio, to the pixel. */
  checkCrops(tasks: readonly Record<string, unknown>[]): void {
    for (const t of tasks) {
      const ref = t.taskType === 'imageInference' ? (t.inputs as { referenceImages?: string[] } | undefined)?.referenceImages?.[0] : undefined;
      const bytes = ref ? this.account.uploads.get(ref) : undefined;
      const sent = bytes && readImageSize(new Uint8Array(bytes));
      if (!sent) continue;
      const [w, h] = [Number(t.width), Number(t.height)];
      // Rounding to whole pixels moves the ratio by at most one pixel on the shorter side.
      if (Math.abs(sent.width / sent.height - w / h) > (w / h) * (1 / Math.min(sent.width, sent.height)) * 1.5)
        this.squeezedCrops.push(`crop ${sent.width}×${sent.height} sent for a ${w}×${h} task`);
    }
  }

  /** The UI's side of one open plugin: requests to the main thread, the decoder, Runware. */
  session(): { host: RunHost; client: RunwareClient } {
    const generation = this.generation;
    const dead = () => generation !== this.generation;
    const request = async <K extends RequestType>(body: RequestBody<K>, options?: { signal?: AbortSignal }): Promise<ReplyValue<K>> => {
      if (dead()) return never();
      const fault = this.nextMainFault();
      if (fault === 'close') {
        this.close();
        return never();
      }
      // Another plugin's data or a huge history fills the 5 MB: every clientStorage write fails from now on.
      if (fault === 'quota') this.host.storage.set('designerJunk', 'x'.repeat(5 * 1024 * 1024));
      const id = this.nextId++;
      // Placements of an edit come one at a time: the document just before this one is the one ⌘Z must give back.
      const undoThis = body.type === 'place-result' && this.undoPending;
      const before = undoThis ? this.host.document() : '';
      if (body.type === 'pending-save') for (const t of (body as unknown as RequestBody<'pending-save'>).run.tasks) this.written.add(t.taskUUID);
      const reply = new Promise<Extract<ToUI, { type: 'reply' }>>((resolve) => this.replies.set(id, resolve));
      this.send({ ...body, id } as ToMain);
      const cancelled = new Promise<never>((_, reject) => {
        const stop = () => reject(new RequestFailed('Cancelled.', true));
        if (options?.signal?.aborted) stop();
        options?.signal?.addEventListener('abort', stop, { once: true });
      });
      const r = await Promise.race([reply, cancelled]);
      if (!r.ok) throw new RequestFailed(r.message);
      if (undoThis && !dead()) {
        this.undoPending = false;
        this.host.undo();
        if (this.host.document() !== before) this.undoMismatches++;
        this.takenBack.add((body as unknown as RequestBody<'place-result'>).taskUUID);
      }
      return r.value as ReplyValue<K>;
    };
    const host: RunHost = {
      request,
      send: (m) => !dead() && this.send(m),
      exportReferences: async (nodeIds, maxLongSide, skipCache, s, hide) => {
        const id = this.nextId;
        this.references.set(id, []);
        const body: RequestBody<'export-references'> = {
          type: 'export-references',
          nodeIds: [...nodeIds],
          maxLongSide,
          skipCache,
          ...(hide ? { hide: [...hide] } : {}),
        };
        await request(body, s ? { signal: s } : {});
        const refs = this.references.get(id)!;
        this.references.delete(id);
        return refs;
      },
      loadResultImage: async (result: ImageResult) => {
        if (result.source.kind === 'url') throw new RunwareError({ kind: 'badImage', detail: 'Runware sent a link instead of the image' });
        const bytes = base64ToBytes(result.source.kind === 'dataURI' ? result.source.value.split(',')[1]! : result.source.value);
        const size = readImageSize(bytes);
        if (!sniffImageKind(bytes) || !size) throw new RunwareError({ kind: 'badImage', detail: 'the image could not be decoded' });
        return { bytes, ...size };
      },
      // A plain image of the composite's size: the simulation checks the crop sent, not the pixels laid over it.
      composeResult: async (parts) => {
        const size = compositeSize(parts.size, parts.scale);
        const bytes = await plainRenderer(null as never, { format: 'PNG', ...size }, new Map());
        return { bytes, ...size };
      },
      // Plain tiles of the planned sizes: the simulation is about the order of events, not pixels.
      cutTiles: async function* (_image, plan) {
        for (const t of plan) yield await plainRenderer(null as never, { format: 'PNG', width: t.width, height: t.height }, new Map());
      },
    };
    const client = new RunwareClient({
      transports: [new SimTransport(this, dead)],
      timing: { requestTimeoutMs: 60_000, pollLimitMs: 20 * 60_000, pollScale: 1 },
      // A seeded clock: waits take no real time, so a 20-minute poll schedule runs in milliseconds.
      sleep: async (ms, s) => {
        if (dead()) return never();
        if (s?.aborted) throw new RunwareError({ kind: 'cancelled' });
        this.clock += ms;
        // While the client waits, the server works: every image it is making is finished by the time
        // the wait ends (virtual time must not outrun the emulator's real rendering).
        await Promise.allSettled([...this.account.tasks.values()].map((t) => t.results));
        await new Promise((r) => setImmediate(r));
        if (s?.aborted) throw new RunwareError({ kind: 'cancelled' });
      },
      now: () => this.clock,
    });
    return { host, client };
  }
}

/** Runware over an in-process emulator account, with the schedule's fault for each call. */
class SimTransport implements Transport {
  readonly name = 'rest' as const;
  constructor(
    private readonly world: World,
    private readonly dead: () => boolean,
  ) {}

  async send(tasks: readonly object[], options: SendOptions) {
    if (this.dead()) return never<never>();
    if (options.signal?.aborted) throw new RunwareError({ kind: 'cancelled' });
    const list = tasks as readonly Record<string, unknown>[];
    const fault = this.world.nextRunwareFault();
    const account = this.world.account;
    if (typeof fault === 'number' && fault !== 500) {
      return parseOrThrow(fault, { errors: [{ code: refusal[fault], message: `Simulated ${fault}` }] });
    }
    if (fault === 'lost') throw new RunwareError({ kind: 'network', host: 'api.runware.ai' });
    const inference = list.some((t) => t.taskType === 'imageInference' || t.taskType === 'upscale');
    if (fault === 'mediaExpired' && inference) account.uploads.clear();
    if (fault === 'genError' && inference) {
      account.behaviour = {
        ...account.behaviour,
        failGeneration: { index: 0, shape: 'item', error: { code: 'providerError', message: 'Simulated generation error' } },
      };
    }
    if (fault === 'errorsBeside' && inference) {
      account.behaviour = { ...account.behaviour, failGeneration: { index: 0, shape: 'errors', error: { code: 'providerError', message: 'Simulated error' } } };
    }
    if (this.world.schedule.scenario === 'area') this.world.checkCrops(list);
    const call = runTasks(account, list);
    this.world.inflight.add(call);
    const answer = await call.finally(() => this.world.inflight.delete(call));
    account.behaviour = { ...account.behaviour, failGeneration: null };
    if (this.dead()) return never<never>();
    if (fault === 500) return parseOrThrow(500, { errors: [{ code: 'internalServerError', message: 'Simulated 500 after accepting' }] });
    if (fault === 'lostAnswer') throw new RunwareError({ kind: 'network', host: 'api.runware.ai' });
    if (fault === 'timeout') throw new RunwareError({ kind: 'timeout' });
    return parseOrThrow(answer.status, answer.body);
  }

  async probe(): Promise<void> {}
  close(): void {}
}

/** Through the same parser as the REST transport reads Runware's body with. */
function parseOrThrow(status: number, body: object) {
  const parsed = parseBody(status, JSON.stringify(body));
  if (!parsed.ok) throw new RunwareError({ kind: 'malformed', status });
  return parsed.envelope;
}
