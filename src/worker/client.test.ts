import * as Comlink from 'comlink';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, test } from 'vitest';
import type { RunResult, Scenario } from '../lesson/types';
import { RunCancelled, SimClient, WATCHDOG_MS, WorkerTimeout } from './client';
import type { WorkerSignal } from './heartbeat';

/** What the fake worker does on each call: posts signals and answers when it likes. */
type Behaviour = (signal: (s: WorkerSignal) => void) => Promise<unknown>;
let behaviour: Behaviour = async () => ({});
let loadDelayMs = 0;
const ports: MessagePort[] = [];

/** A stand-in for the browser's Worker: a MessageChannel whose far end plays the sim worker. */
class FakeWorker {
  private port: MessagePort;
  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    ports.push(port1, port2);
    const signal = (s: WorkerSignal) => port2.postMessage(s);
    const call = () => behaviour(signal);
    setTimeout(() => {
      Comlink.expose(
        { run: call, gradePrediction: call, inspectActor: call },
        port2 as unknown as Comlink.Endpoint,
      );
      signal({ simSignal: 'ready' });
    }, loadDelayMs);
  }
  postMessage(m: unknown, transfer?: Transferable[]) {
    this.port.postMessage(m, transfer as never);
  }
  addEventListener(type: string, fn: (e: { data: unknown }) => void) {
    if (type === 'message') this.port.on('message', (data) => fn({ data }));
  }
  removeEventListener() {}
  terminate() {
    this.port.close();
  }
}
(globalThis as unknown as { Worker: unknown }).Worker = FakeWorker;

const scenario: Scenario = { lessonId: 'polling', params: {}, seed: 1, faults: [] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Engine work for `ms` of wall time, beating every 100 ms as the real worker does. */
async function engineWork(signal: (s: WorkerSignal) => void, ms: number) {
  for (let t = 0; t < ms; t += 100) {
    signal({ simSignal: 'beat' });
    await sleep(100);
  }
}

afterEach(() => {
  for (const p of ports.splice(0)) p.close();
  loadDelayMs = 0;
});

describe('SimClient watchdog', () => {
  test('a long engine run with heartbeats is never stopped, and reports progress', async () => {
    behaviour = async (signal) => {
      await engineWork(signal, WATCHDOG_MS + 1500);
      return { ok: true } as unknown as RunResult;
    };
    const client = new SimClient();
    await expect(client.run(scenario, () => {})).resolves.toEqual({ ok: true });
  }, 15_000);

  test('a learner function that stays silent past 2 s is stopped and named', async () => {
    behaviour = async (signal) => {
      await engineWork(signal, 300);
      signal({ simSignal: 'beat', inside: 'nextPollDelay' });
      await sleep(60_000);
      return {};
    };
    const client = new SimClient();
    const started = performance.now();
    const err = await client.run(scenario).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerTimeout);
    expect((err as WorkerTimeout).functionName).toBe('nextPollDelay');
    expect((err as Error).message).toMatch(/nextPollDelay\(\) ran for more than 2 s/);
    expect(performance.now() - started).toBeLessThan(WATCHDOG_MS + 1500);
  }, 15_000);

  test("a fresh worker's loading does not count against the learner", async () => {
    loadDelayMs = WATCHDOG_MS + 1000;
    behaviour = async () => ({ ok: 'loaded' });
    const client = new SimClient();
    await expect(client.run(scenario)).resolves.toEqual({ ok: 'loaded' });
  }, 15_000);

  test('each call has its own limit: grading gives learner code more time than a run', async () => {
    behaviour = async (signal) => {
      signal({ simSignal: 'beat', inside: 'nextPollDelay' });
      await sleep(WATCHDOG_MS + 800);
      return { answer: 'a', explanation: 'e' };
    };
    const client = new SimClient();
    await expect(client.gradePrediction(scenario, 'p')).resolves.toEqual({ answer: 'a', explanation: 'e' });
  }, 15_000);

  test('cancel() stops the worker: the pending run rejects with RunCancelled, the next call gets a fresh worker', async () => {
    behaviour = async (signal) => {
      await engineWork(signal, 10_000);
      return {};
    };
    const client = new SimClient();
    const pending = client.run(scenario);
    await sleep(300);
    expect(client.busy).toBe(true);
    client.cancel();
    await expect(pending).rejects.toBeInstanceOf(RunCancelled);
    expect(client.busy).toBe(false);
    behaviour = async () => ({ ok: 'again' });
    await expect(client.run(scenario)).resolves.toEqual({ ok: 'again' });
  }, 15_000);
});
