import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  chunkFramingBytes,
  H1_MAX_CONNECTIONS_PER_ORIGIN,
  H2_MAX_CONCURRENT_STREAMS,
  sseFramingBytes,
} from './http';
import {
  frameBytes,
  frameHeaderBytes,
  SEC_WEBSOCKET_ACCEPT,
  SEC_WEBSOCKET_KEY,
  UPGRADE_REQUEST,
  WEBSOCKET_GUID,
} from './websocket';

describe('RFC 6455', () => {
  test('§5.2 frame header: 2 bytes up to 125, 4 up to 65,535, 10 beyond; §5.3 +4 masking key from a client', () => {
    expect([0, 125, 126, 65535, 65536].map((n) => frameHeaderBytes(n, false))).toEqual([2, 2, 4, 4, 10]);
    expect([125, 126, 65536].map((n) => frameHeaderBytes(n, true))).toEqual([6, 8, 14]);
    expect(frameBytes(60, false)).toBe(62);
  });

  test('§1.3 example: Sec-WebSocket-Accept = base64(SHA-1(key + GUID))', () => {
    const accept = createHash('sha1')
      .update(SEC_WEBSOCKET_KEY + WEBSOCKET_GUID)
      .digest('base64');
    expect(accept).toBe(SEC_WEBSOCKET_ACCEPT);
    expect(UPGRADE_REQUEST).toContain('Sec-WebSocket-Version: 13');
  });
});

describe('HTTP framing and limits', () => {
  test('RFC 9112 §7.1 chunk: hex size + CRLF + data + CRLF', () => {
    expect([chunkFramingBytes(15), chunkFramingBytes(16), chunkFramingBytes(77)]).toEqual([5, 6, 6]);
  });

  test('an SSE event "id: 42\\ndata: x\\n\\n" has 15 bytes around its payload', () => {
    expect(sseFramingBytes(42)).toBe('id: 42\ndata: \n\n'.length);
  });

  test('6 HTTP/1.1 connections per origin; 100 HTTP/2 streams per connection', () => {
    expect([H1_MAX_CONNECTIONS_PER_ORIGIN, H2_MAX_CONCURRENT_STREAMS]).toEqual([6, 100]);
  });
});
