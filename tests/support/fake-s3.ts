import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { S3Settings } from "@/lib/env";

// s3rver ships no types; this is the part of its API used here.
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}) => { run(): Promise<AddressInfo>; close(): Promise<void> };

export interface FakeS3 {
  endpoint: string;
  /** The settings of the s3 storage driver for one of its buckets, with s3rver's default credentials. */
  settings(bucket: string): S3Settings;
  close(): Promise<void>;
}

/**
 * An S3-compatible store on loopback (s3rver, which checks every request's signature), keeping its objects in `directory`;
 * on a free port unless given one (the cluster harness's store, scripts/cluster/s3-server.ts, has a fixed one).
 */
export async function startFakeS3(options: { directory: string; buckets: string[]; port?: number }): Promise<FakeS3> {
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    directory: options.directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  const endpoint = `http://127.0.0.1:${(await server.run()).port}`;
  return {
    endpoint,
    settings: (bucket) => ({
      endpoint,
      region: "us-east-1",
      bucket,
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      forcePathStyle: true,
    }),
    close: () => server.close(),
  };
}
