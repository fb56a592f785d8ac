import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const yandex = {
  STORAGE_DRIVER: "s3",
  S3_ENDPOINT: "https://storage.yandexcloud.net",
  S3_BUCKET: "metodaudit-files",
  S3_ACCESS_KEY_ID: "YCAJE-key-id",
  S3_SECRET_ACCESS_KEY: "YCN-secret",
};

function problemsOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).message;
  }
  throw new Error("parseEnv accepted the variables");
}

describe("storage driver settings", () => {
  it("keeps files on the local disk unless told otherwise, whatever S3_* says", () => {
    expect(parseEnv({})).toMatchObject({ STORAGE_DRIVER: "local", s3: undefined });
    expect(parseEnv({ S3_BUCKET: "metodaudit-files", S3_ENDPOINT: "nonsense" }).s3).toBeUndefined();
  });

  it("addresses a custom endpoint's bucket by path, in us-east-1 unless a region is given", () => {
    expect(parseEnv(yandex).s3).toEqual({
      endpoint: "https://storage.yandexcloud.net",
      region: "us-east-1",
      bucket: "metodaudit-files",
      accessKeyId: "YCAJE-key-id",
      secretAccessKey: "YCN-secret",
      forcePathStyle: true,
    });
    expect(parseEnv({ ...yandex, S3_REGION: "ru-central1", S3_FORCE_PATH_STYLE: "false" }).s3).toMatchObject({
      region: "ru-central1",
      forcePathStyle: false,
    });
  });

  it("addresses AWS itself by bucket subdomain unless path style is asked for", () => {
    const aws = { ...yandex, S3_ENDPOINT: undefined, S3_REGION: "eu-central-1" };
    expect(parseEnv(aws).s3).toMatchObject({ endpoint: undefined, region: "eu-central-1", forcePathStyle: false });
    expect(parseEnv({ ...aws, S3_FORCE_PATH_STYLE: "true" }).s3?.forcePathStyle).toBe(true);
  });

  it.each(["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"])("refuses s3 without %s, naming it", (name) => {
    expect(problemsOf({ ...yandex, [name]: undefined })).toContain(`${name}: is required when STORAGE_DRIVER is s3`);
    expect(problemsOf({ ...yandex, [name]: "" })).toContain(`${name}: is required when STORAGE_DRIVER is s3`);
  });

  it.each([
    [{ STORAGE_DRIVER: "minio" }, "STORAGE_DRIVER: must be local or s3"],
    [{ ...yandex, S3_ENDPOINT: "storage.yandexcloud.net" }, "S3_ENDPOINT: must be an http(s) URL"],
    [{ ...yandex, S3_BUCKET: "s3://metodaudit-files" }, "S3_BUCKET: must be a bucket name"],
    [{ ...yandex, S3_FORCE_PATH_STYLE: "maybe" }, "S3_FORCE_PATH_STYLE: must be true or false"],
  ])("refuses %o with %j", (source, message) => {
    expect(problemsOf(source)).toContain(message);
  });

  it("names a missing bucket together with any other bad variable", () => {
    const message = problemsOf({ STORAGE_DRIVER: "s3", PORT: "x" });
    for (const name of ["PORT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]) expect(message).toContain(`${name}:`);
  });
});
