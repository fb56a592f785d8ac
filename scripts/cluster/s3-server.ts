// The cluster's S3-compatible store: s3rver, as the storage tests run it (tests/support/fake-s3.ts),
// in a process of its own on the cluster's S3 port, keeping its objects under the state directory, with the app's bucket.
import path from "node:path";
import { startFakeS3 } from "../../tests/support/fake-s3";
import { BUCKET, PORTS, STATE_DIR } from "./layout";

const server = await startFakeS3({ directory: path.join(STATE_DIR, "s3"), buckets: [BUCKET], port: PORTS.s3 });
console.log(`s3rver on ${server.endpoint}, bucket ${BUCKET}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
