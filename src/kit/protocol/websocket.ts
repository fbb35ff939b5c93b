/**
 * Wire sizes of the WebSocket protocol (RFC 6455), the one place lessons take them
 * from, so `bytesOnWire` counts what a real connection would carry above TCP. TCP/IP headers (40+ bytes a segment) are
 * not counted: they are the same for every technique in this topic.
 */

/** RFC 6455 §5.2: a 7-bit length up to 125, then 126 + 16-bit length up to 65535, then 127 + 64-bit length. */
export function frameHeaderBytes(payloadBytes: number, masked: boolean): number {
  const base = payloadBytes <= 125 ? 2 : payloadBytes <= 65535 ? 4 : 10;
  // RFC 6455 §5.1/§5.3: every client-to-server frame carries a 4-byte masking key.
  return base + (masked ? 4 : 0);
}

export function frameBytes(payloadBytes: number, masked: boolean): number {
  return frameHeaderBytes(payloadBytes, masked) + payloadBytes;
}

/** A Close frame's payload is its 2-byte status code (RFC 6455 §5.5.1, §7.4). */
export const CLOSE_PAYLOAD_BYTES = 2;
/** RFC 6455 §7.4.1: 1008 = the endpoint received something that violates its policy. */
export const CLOSE_POLICY_VIOLATION = 1008;

/**
 * The opening handshake of RFC 6455 §1.3, with the RFC's own example key and the
 * accept value it derives (base64 of SHA-1 of key + 258EAFA5-E914-47DA-95CA-C5AB0DC85B11).
 * Real browsers also send User-Agent, cookies and extension offers, so this is a lower bound.
 */
export const UPGRADE_REQUEST = [
  'GET /room HTTP/1.1',
  'Host: live.example.com',
  'Upgrade: websocket',
  'Connection: Upgrade',
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
  'Origin: https://live.example.com',
  'Sec-WebSocket-Version: 13',
  '',
  '',
].join('\r\n');

export const UPGRADE_RESPONSE = [
  'HTTP/1.1 101 Switching Protocols',
  'Upgrade: websocket',
  'Connection: Upgrade',
  'Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=',
  '',
  '',
].join('\r\n');

export const SEC_WEBSOCKET_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
export const SEC_WEBSOCKET_ACCEPT = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';
export const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
