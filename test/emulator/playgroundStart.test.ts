import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm start with a busy port', () => {
  it('says in one line which port is busy and how to choose another, with no stack trace', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as net.AddressInfo).port;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'dev/playground/server.ts'], {
        cwd: root,
        env: { ...process.env, EMULATOR_PORT: String(busy), PORT: '0' },
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += String(d)));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(`Port ${busy} (the Runware emulator) is busy: stop whatever uses it, or choose another with EMULATOR_PORT=<port> npm start.`);
    } finally {
      blocker.close();
    }
  });
});
