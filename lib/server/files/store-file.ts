import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { checkFile, detectFileType, FILE_KINDS, type FileKind } from "@/lib/domain/files/detect-file-type";
import { displayFileName } from "@/lib/domain/files/file-names";
import { wordLookalikeProblem } from "@/lib/domain/files/read-docx";
import { checkZip } from "@/lib/domain/files/zip-guard";
import { canSeeRegion, municipalityWhere, organizationWhere, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { newStorageKey, storage } from "./storage";

/** Whose file it is: a region, one of its municipalities, or an organisation (with its municipality, if any). */
export interface FileOwner {
  regionId: string;
  municipalityId: string | null;
  organizationId: string | null;
}

export const ownerNotFound = () => new AppError("NOT_FOUND", "Организация или муниципалитет не найдены.");

/**
 * Stores an uploaded file for an owner the caller may write for, after checking
 * its size and its content. The bytes are written first and removed again if
 * the row cannot be inserted, so nothing is ever half-saved.
 */
export async function storeFile(options: {
  scope: Scope;
  owner: FileOwner;
  name: string;
  bytes: Uint8Array;
  allowed: readonly FileKind[];
  /**
   * Uploaded for a child's record (the ИУП in the student form): a child's file from the
   * first moment, so that not even its upload's entry in the audit trail names it.
   */
  forChildRecord?: boolean;
}) {
  const { scope, owner, bytes } = options;
  await assertMayWriteFor(scope, owner);
  const detected = await detectFileType(bytes);
  const lookalike = detected === null && options.allowed.includes("DOCX") ? await wordLookalikeProblem(bytes) : null;
  if (lookalike) throw new AppError("VALIDATION", lookalike, { file: [lookalike] });
  const kind = checkFile({ size: bytes.byteLength, kind: detected, allowed: options.allowed });
  if (kind === "DOCX" || kind === "XLSX") {
    // Whoever opens it later (Word, Excel, an import) inflates it: a zip bomb is refused here, from its directory.
    const zip = await checkZip(bytes);
    if (!zip.ok) throw new AppError("VALIDATION", zip.message, { file: [zip.message] });
  }
  const storageKey = newStorageKey();
  await storage().put(storageKey, bytes);
  try {
    return await db().storedFile.create({
      data: {
        ...owner,
        name: displayFileName(options.name),
        mimeType: FILE_KINDS[kind].mime,
        size: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        storageKey,
        uploadedById: scope.userId,
        // Nobody owns it yet: readable by its uploader only, until the record or document it is for claims it.
        ...(options.forChildRecord ? { ownerKind: "DOT_STUDENT" as const, childData: true } : {}),
      },
      select: { id: true, name: true, mimeType: true, size: true, createdAt: true },
    });
  } catch (error) {
    await storage().remove(storageKey);
    throw error;
  }
}

/**
 * Region staff of the region, the municipality's coordinator or the school's
 * coordinator; the owner's ids must also agree with the directory, so a file
 * cannot be filed under a region it does not belong to.
 */
async function assertMayWriteFor(scope: Scope, owner: FileOwner) {
  const { regionId, municipalityId, organizationId } = owner;
  const found = organizationId
    ? await db().organization.count({
        where: { AND: [{ id: organizationId, regionId, municipalityId }, organizationWhere(scope)] },
      })
    : municipalityId
      ? await db().municipality.count({ where: { AND: [{ id: municipalityId, regionId }, municipalityWhere(scope)] } })
      : Number(canSeeRegion(scope, regionId));
  if (!found) throw ownerNotFound();
}
