/** One record the consumer fetched from the topic partition. */
export interface Message {
  /** The producer's id for this message (unique; the same on every redelivery). */
  id: string;
  /** Its position in the partition. */
  offset: number;
}

/**
 * The database transaction this delivery runs in. Reads see your own writes, then what is
 * committed. The consumer commits the transaction when the record's work is done; if the
 * consumer crashes first, the database rolls it back and none of its writes happen.
 */
export interface Transaction {
  get(key: string): number | undefined;
  put(key: string, value: number): void;
}

export interface DeliveryApi {
  /** Called for each delivery of a record, inside a fresh transaction. */
  handle(message: Message, db: Transaction): void;
}
