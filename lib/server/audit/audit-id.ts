import { randomBytes } from "node:crypto";

let lastMs = 0;
let sequence = 0;

/**
 * A UUID version 7 for an audit event: the millisecond, then a 12-bit sequence that
 * grows within the millisecond (RFC 9562, method 1), then random bits. Ids made one
 * after the other in a process sort in the order they were made, so the events of
 * one write and of one transaction keep their order under «newest first».
 */
export function auditEventId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    // A random start leaves room to count up within the millisecond.
    sequence = randomBytes(2).readUInt16BE(0) & 0x3ff;
  } else if (++sequence > 0xfff) {
    lastMs += 1;
    sequence = 0;
  }
  const bytes = randomBytes(16);
  let ms = lastMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
