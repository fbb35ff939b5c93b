import type { Message, Transaction } from './api';

// Called for every delivery of a record: add one to the count of messages.
export function handle(message: Message, db: Transaction): void {
  db.put('count', (db.get('count') ?? 0) + 1);
}
