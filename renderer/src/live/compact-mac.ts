const MAC = /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i;

/**
 * A MAC address shortened to its last three octets ("…3C:7F:1A"): the device-specific half, which
 * is what a technician reads off a sticker; the first three name only the vendor. Anything that
 * is not a MAC (a caller id that is a phone number) is returned as it is. The full value stays
 * in the cell's title, the row detail and the CSV.
 */
export function compactMac(value: string): string {
  return MAC.test(value) ? `…${value.slice(9)}` : value;
}
