import type { Simulation } from '../../engine/sim';

export type RequestFailure = 'refused' | 'reset';

/**
 * Requests awaiting their response from one server, one per client at a time (an
 * HTTP/1.1 connection carries one request at a time). What a real kernel does when
 * the server process is not there: a request arriving while it is down is refused
 * (the host answers RST, "connection refused"), and when it crashes, every
 * connection with a request in flight is reset. `failed` is told once per request.
 */
export class PendingRequests {
  private readonly outstanding = new Map<number, number>();
  private token = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly server: () => number,
    /** One-way latency: when a request reaches the server's host. */
    private readonly latencyMs: number,
    private readonly failed: (client: number, why: RequestFailure) => void,
  ) {}

  /** The client sent a request (call right after sending it). */
  sent(client: number): void {
    const token = ++this.token;
    this.outstanding.set(client, token);
    this.sim.scheduler.after(this.latencyMs, () => {
      if (!this.sim.isUp(this.server())) this.fail(client, token, 'refused');
    });
  }

  /** The client's request was answered. */
  answered(client: number): void {
    this.outstanding.delete(client);
  }

  /** The server crashed: its host resets every connection with a request open. */
  serverCrashed(): void {
    for (const [client, token] of [...this.outstanding]) this.fail(client, token, 'reset');
  }

  private fail(client: number, token: number, why: RequestFailure): void {
    if (this.outstanding.get(client) !== token) return;
    this.outstanding.delete(client);
    this.failed(client, why);
  }
}
