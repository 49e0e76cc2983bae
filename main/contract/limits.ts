/** Largest client message the hosts accept, in bytes of JSON. Larger ones are refused whole. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

/** Version of the wire protocol in docs/protocol.md. */
export const PROTOCOL_VERSION = 1;
