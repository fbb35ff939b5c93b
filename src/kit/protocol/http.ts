/**
 * HTTP framing and connection limits, so every lesson counts the same bytes.
 * Not counted anywhere: TCP/IP headers of data segments (40+ bytes each) and TLS
 * record overhead, which every technique pays alike.
 */

/**
 * HTTP/1.1: browsers open at most 6 connections per origin (Chrome's
 * kMaxSocketsPerGroup; MDN, "EventSource": "a very low number (6)" per browser and domain).
 */
export const H1_MAX_CONNECTIONS_PER_ORIGIN = 6;

/**
 * HTTP/2: streams one connection multiplexes. RFC 9113 §6.5.2 recommends a
 * SETTINGS_MAX_CONCURRENT_STREAMS of no less than 100; 100 is common (nginx's
 * http2_max_concurrent_streams default).
 */
export const H2_MAX_CONCURRENT_STREAMS = 100;

/**
 * An HTTP/1.1 response of unknown length (an event stream) is sent in chunks
 * (RFC 9112 §7.1): each chunk is its size in hex, CRLF, the data, CRLF.
 */
export function chunkFramingBytes(dataBytes: number): number {
  return dataBytes.toString(16).length + 4;
}

/**
 * One server-sent event as the server writes it (WHATWG HTML, "Server-sent events"):
 * `id: 42\n` + `data: <payload>\n` + `\n`. Returns the bytes around the payload.
 */
export function sseFramingBytes(id: number): number {
  return 'id: '.length + String(id).length + 1 + 'data: '.length + 1 + 1;
}
