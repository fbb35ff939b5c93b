/**
 * What a new connection costs before its first request: flights (alternating
 * client → server, server → client), round trips and bytes.
 *
 * - TCP three-way handshake: SYN, SYN-ACK, ACK, one round trip (RFC 9293 §3.5). The
 *   client's ACK travels with its first data (here the TLS ClientHello).
 * - TLS 1.3 full handshake: one more round trip (RFC 8446 §2); TLS 1.2: two more
 *   (RFC 5246 §7.3). The client's last flight (Finished) rides with its first request.
 *
 * Bytes (what a capture of a typical HTTPS connection shows; size your own with
 * Wireshark): a Linux SYN and SYN-ACK are 60 bytes (20 IP + 20 TCP + 20 of options:
 * MSS, SACK-permitted, timestamps RFC 7323, window scale) and a bare ACK 52; a browser
 * ClientHello is padded to 512 bytes (RFC 7685's padding extension, used by BoringSSL
 * and NSS) plus a 5-byte record header; the server's flight is dominated by its
 * certificate chain ("a few KB"; 3,000 bytes here, an RSA-2048 leaf and one
 * intermediate) plus about 500 bytes of other messages (ServerHello, signature,
 * Finished); the client's Finished (with ClientKeyExchange for TLS 1.2) about 100.
 */

export type TlsVersion = '1.3' | '1.2';

export interface Flight {
  label: string;
  bytes: number;
}

export const TCP_SYN_BYTES = 60;
export const TCP_ACK_BYTES = 52;
export const CLIENT_HELLO_BYTES = 517;
export const CERTIFICATE_CHAIN_BYTES = 3000;
/** ServerHello, (TLS 1.3: EncryptedExtensions; TLS 1.2: ServerKeyExchange, ServerHelloDone), CertificateVerify, Finished. */
export const SERVER_FLIGHT_OTHER_BYTES = 500;
export const CLIENT_FINISHED_BYTES = 100;
/** TLS 1.2's last server flight: ChangeCipherSpec (6) and Finished (45). */
export const SERVER_FINISHED_BYTES = 51;

export function handshakeFlights(tls: TlsVersion, certificateChainBytes = CERTIFICATE_CHAIN_BYTES): Flight[] {
  const serverHello = certificateChainBytes + SERVER_FLIGHT_OTHER_BYTES;
  const tcp: Flight[] = [
    { label: 'SYN', bytes: TCP_SYN_BYTES },
    { label: 'SYN-ACK', bytes: TCP_SYN_BYTES },
  ];
  if (tls === '1.3')
    return [
      ...tcp,
      { label: 'ACK + ClientHello', bytes: TCP_ACK_BYTES + CLIENT_HELLO_BYTES },
      { label: 'ServerHello … Finished', bytes: serverHello },
    ];
  return [
    ...tcp,
    { label: 'ACK + ClientHello', bytes: TCP_ACK_BYTES + CLIENT_HELLO_BYTES },
    { label: 'ServerHello … ServerHelloDone', bytes: serverHello },
    { label: 'ClientKeyExchange, Finished', bytes: CLIENT_FINISHED_BYTES },
    { label: 'ChangeCipherSpec, Finished', bytes: SERVER_FINISHED_BYTES },
  ];
}

/** Round trips before the first request can leave: 1 for TCP, + 1 (TLS 1.3) or + 2 (TLS 1.2); 0 TLS = plain TCP. */
export function handshakeRoundTrips(tls: TlsVersion | 'none'): number {
  return tls === 'none' ? 1 : tls === '1.3' ? 2 : 3;
}

/** Handshake bytes that ride with the first request rather than in a flight of their own (TLS 1.3's client Finished). */
export function piggybackedBytes(tls: TlsVersion): number {
  return tls === '1.3' ? CLIENT_FINISHED_BYTES : 0;
}

/** Bytes of a whole handshake, both directions, TLS Finished included. */
export function handshakeBytes(tls: TlsVersion, certificateChainBytes = CERTIFICATE_CHAIN_BYTES): number {
  const flights = handshakeFlights(tls, certificateChainBytes);
  return flights.reduce((s, f) => s + f.bytes, 0) + piggybackedBytes(tls);
}
