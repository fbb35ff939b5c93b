import type { Message, Transaction } from './api';

export function handle(message: Message, db: Transaction): void {
  // The broker delivers at least once: a record processed just before a crash comes back.
  // Remember each message in the same transaction as its effect, so the two commit together
  // (or not at all), and skip a message already recorded.
  const key = `processed:${message.id}`;
  if (db.get(key) !== undefined) return;
  db.put(key, 1);
  db.put('count', (db.get('count') ?? 0) + 1);
}
