import "server-only";
import type { FileOwnerKind, Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { FILE_ACCESS_SELECT } from "../file-access";
import { scrubChildData } from "./scrub-child-data";

export interface FileClaim {
  scope: Scope;
  fileId: string;
  owner: { kind: FileOwnerKind; id: string; regionId: string };
  /** The owner holds a child's data (a child's record, a document naming a child): so does the file. */
  childData?: boolean;
  /** The form field the file was given in, for the refusal. */
  field: string;
}

/**
 * Makes a file belong to its owner, inside the owner's own write: a file the caller
 * uploaded that nobody has claimed yet, or one already this owner's (saving again).
 * Any other file — another's upload, or one that belongs to something else — is
 * refused as if it did not exist, since its readers are not the owner's readers.
 * A file that becomes a child's has its name scrubbed from the trail's earlier entries.
 */
export async function claimFile(tx: Prisma.TransactionClient, claim: FileClaim): Promise<void> {
  const { owner } = claim;
  const childData = claim.childData ?? false;
  const file = await tx.storedFile.findFirst({ where: { id: claim.fileId, regionId: owner.regionId }, select: FILE_ACCESS_SELECT });
  const unclaimedUpload =
    file && file.ownerId === null && file.uploadedById === claim.scope.userId && (file.ownerKind ?? owner.kind) === owner.kind;
  const alreadyOwned = file && file.ownerKind === owner.kind && file.ownerId === owner.id;
  if (!file || !(unclaimedUpload || alreadyOwned)) {
    const message = "Файл не найден: загрузите его заново.";
    throw new AppError("VALIDATION", message, { [claim.field]: [message] });
  }
  if (alreadyOwned && file.childData === childData) return;
  await tx.storedFile.update({
    where: { id: file.id },
    data: { ownerKind: owner.kind, ownerId: owner.id, childData: file.childData || childData },
    select: { id: true },
  });
  if (childData && !file.childData) await scrubChildData(tx, [{ entity: "StoredFile", ids: [file.id] }]);
}
