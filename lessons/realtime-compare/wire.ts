/**
 * Bytes each technique puts on the wire above TLS, so `bytesOnWire` compares like
 * with like. Not counted, for every technique alike: TCP/IP headers (40+ bytes a
 * segment), TLS record overhead, and the TLS handshake itself (its certificate chain
 * is a few KB; the lesson counts handshakes and their round trips instead).
 */

/** RFC 6455 §5.2: 2 header bytes up to 125 payload bytes, 4 up to 65,535, 10 beyond; +4 masking key on client frames (§5.3). */
export function wsFrameHeaderBytes(payloadBytes: number, fromClient: boolean): number {
  const base = payloadBytes <= 125 ? 2 : payloadBytes <= 65535 ? 4 : 10;
  return base + (fromClient ? 4 : 0);
}

/**
 * One SSE event as the server writes it (WHATWG HTML, "Server-sent events"):
 * `id: 42\n` + `data: <payload>\n` + `\n`. Returns the bytes around the payload.
 */
export function sseFramingBytes(id: number): number {
  return 'id: '.length + String(id).length + 1 + 'data: '.length + 1 + 1;
}

/**
 * An HTTP/1.1 response of unknown length (an event stream) is sent in chunks
 * (RFC 9112 §7.1): each chunk is its size in hex, CRLF, the data, CRLF.
 */
export function chunkFramingBytes(dataBytes: number): number {
  return dataBytes.toString(16).length + 4;
}

/**
 * The handshake flights before the first request on a new connection, alternating
 * client -> server, server -> client. TCP's three-way handshake is one round trip
 * (RFC 9293 §3.5); the client's ACK travels with its ClientHello. A full TLS 1.3
 * handshake adds one round trip (RFC 8446 §2); TLS 1.2 adds two (RFC 5246 §7.3).
 * The client's last flight (TLS Finished) rides along with its first request.
 */
export const HANDSHAKE_FLIGHTS: Record<'1.3' | '1.2', readonly string[]> = {
  '1.3': ['SYN', 'SYN-ACK', 'ACK + ClientHello', 'ServerHello … Finished'],
  '1.2': [
    'SYN',
    'SYN-ACK',
    'ACK + ClientHello',
    'ServerHello … ServerHelloDone',
    'ClientKeyExchange, Finished',
    'ChangeCipherSpec, Finished',
  ],
};

/** Round trips before the first request can leave: flights / 2. */
export function handshakeRoundTrips(tls: '1.3' | '1.2'): number {
  return HANDSHAKE_FLIGHTS[tls].length / 2;
}
