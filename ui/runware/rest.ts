import { scrubSecret } from '../../core/runware/apiKey.ts';
import { classifyApiError, RunwareError } from '../../core/runware/failures.ts';
import { parseBody, type Envelope } from '../../core/runware/response.ts';
import { deadline } from './deadline.ts';
import { hostOf, type SendOptions, type Transport } from './transport.ts';

/** Turns a body Runware could not have meant into a failure, by HTTP status. */
function unreadable(status: number): RunwareError {
  if (status >= 400) return new RunwareError(classifyApiError(status, { code: `http${status}`, message: '' }));
  return new RunwareError({ kind: 'malformed', status });
}

/** `POST /v1` with the key as a Bearer header: one request, one answer. */
export class RestTransport implements Transport {
  readonly name = 'rest' as const;
  constructor(
    private readonly url: string,
    private readonly apiKey: string,
  ) {}

  async send(tasks: readonly object[], options: SendOptions): Promise<Envelope> {
    const d = deadline(options);
    try {
      let response: Response;
      try {
        response = await fetch(this.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.apiKey}` },
          body: JSON.stringify(tasks),
          signal: d.signal,
        });
      } catch {
        if (d.signal.aborted) throw d.failure();
        // fetch gives a bare TypeError for DNS, offline, CORS and CSP refusals alike.
        throw new RunwareError({ kind: 'network', host: hostOf(this.url) });
      }
      let text: string;
      try {
        text = await response.text();
      } catch {
        if (d.signal.aborted) throw d.failure();
        throw new RunwareError({ kind: 'server', status: response.status, detail: 'the connection dropped mid-answer' });
      }
      const parsed = parseBody(response.status, scrubSecret(text, this.apiKey));
      if (!parsed.ok) throw unreadable(response.status);
      return parsed.envelope;
    } finally {
      d.done();
    }
  }

  async probe(options: SendOptions): Promise<void> {
    await this.send([], options);
  }

  close(): void {}
}
