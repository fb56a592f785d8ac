// The cluster's S3-compatible store: s3rver (as the storage tests use it) in a process of its own,
// on the cluster's S3 port, keeping its objects under the state directory, with the app's bucket.
import { createRequire } from "node:module";
import path from "node:path";
import { BUCKET, PORTS, STATE_DIR } from "./layout";

// s3rver ships no types; this is the part of its API used here.
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}) => { run(): Promise<unknown>; close(): Promise<void> };

const server = new S3rver({
  address: "127.0.0.1",
  port: PORTS.s3,
  directory: path.join(STATE_DIR, "s3"),
  silent: true,
  configureBuckets: [{ name: BUCKET }],
});
await server.run();
console.log(`s3rver on http://127.0.0.1:${PORTS.s3}, bucket ${BUCKET}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
