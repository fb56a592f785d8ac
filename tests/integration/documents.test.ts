import type { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { ALL_FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import { getDocument } from "@/lib/server/documents/get-document";
import { listDocumentsForOwner } from "@/lib/server/documents/list-documents-for-owner";
import { supersedeDocument } from "@/lib/server/documents/supersede-document";
import { storeFile } from "@/lib/server/files/store-file";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { pdfSample } from "../support/file-samples";
import { codeOf } from "../support/refusals";
import { useScratchStorage } from "../support/scratch-storage";
import { useTestDatabase } from "../support/test-database";
import { createDocument, listDocuments, saveBlankAnswers } from "../support/operations";

useTestDatabase();
useScratchStorage("registry-files-");

let w: CampaignWorld;
let orderId: string;
beforeAll(async () => {
  w = await buildCampaignWorld("doc");
});

const order = (overrides: Record<string, unknown> = {}) => ({
  owner: `municipality:${w.t.a1.id}`,
  type: "приказ",
  issuer: "Управление образования администрации МО Славянский район",
  date: "2020-09-18",
  number: "1006",
  title: "О реализации муниципальной системы методической работы",
  ...overrides,
});

describe("document registry", () => {
  it("files an order with its scan for the coordinator's municipality", async () => {
    const file = await storeFile({
      scope: w.moA1.scope,
      owner: { regionId: w.t.regionA.id, municipalityId: w.t.a1.id, organizationId: null },
      name: "Приказ 1006.pdf",
      bytes: pdfSample("Приказ № 1006"),
      allowed: ALL_FILE_KINDS,
    });
    const doc = await createDocument({ scope: w.moA1.scope, input: order({ fileId: file.id }) });
    orderId = doc.id;
    const view = await getDocument({ scope: w.auditor.scope, id: doc.id });
    expect(view).toMatchObject({ type: "приказ", number: "1006", owner: "Муниципалитет A1", file: { name: "Приказ 1006.pdf" } });
  });

  it("refuses the same requisites within an issuer, pointing at the existing document", async () => {
    const error = await createDocument({
      scope: w.auditor.scope,
      input: order({ issuer: "  управление образования администрации МО  Славянский район " }),
    }).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).meta).toEqual({ existingId: orderId });
    expect((error as AppError).message).toContain("Приказ Управление образования администрации МО Славянский район от 18.09.2020 № 1006");
    // Another number of the same issuer is a different document.
    await createDocument({ scope: w.auditor.scope, input: order({ number: "1007" }) });
  });

  it("refuses bad input in Russian and foreign owners as not found", async () => {
    const future = await createDocument({ scope: w.moA1.scope, input: order({ date: "2999-01-01", number: "1" }) }).catch(
      (e: ZodError) => e,
    );
    expect((future as ZodError).issues[0]!.message).toBe("Дата документа не может быть в будущем.");
    expect(await codeOf(createDocument({ scope: w.moA1.scope, input: order({ owner: `municipality:${w.t.a2.id}`, number: "2" }) }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(createDocument({ scope: w.adminB.scope, input: order({ number: "3" }) }))).toBe("NOT_FOUND");
    expect(await codeOf(createDocument({ scope: w.moA1.scope, input: order({ type: "указ", number: "4" }) }))).toBe("ZOD");
  });

  it("shows each registry only to its tenant", async () => {
    const count = async (scope: typeof w.moA1.scope) => (await listDocuments({ scope, query: {} })).total;
    expect(await count(w.moA1.scope)).toBe(2);
    expect(await count(w.auditor.scope)).toBe(2);
    expect(await count(w.moA2.scope)).toBe(0);
    expect(await count(w.adminB.scope)).toBe(0);
    expect(await codeOf(getDocument({ scope: w.moA2.scope, id: orderId }))).toBe("NOT_FOUND");
  });

  it("gives a blank item its requisites and shows where the document is used", async () => {
    const offered = await listDocumentsForOwner({ scope: w.moA1.scope, municipalityId: w.t.a1.id, organizationId: null });
    expect(offered.map((d) => d.number).sort()).toEqual(["1006", "1007"]);
    const doc = offered.find((d) => d.number === "1006")!;
    expect(doc.fileName).toBe("Приказ 1006.pdf");
    const blank = await w.blankOf(w.t.a1.id);
    const item = w.item("municipal", "1.1.1", 0);
    await saveBlankAnswers({
      scope: w.moA1.scope,
      input: {
        blankId: blank.id,
        version: blank.version,
        answers: [
          {
            itemKey: item.key,
            value: {
              kind: "DOCUMENT",
              present: true,
              docType: "Приказ",
              issuer: doc.issuer,
              date: doc.date,
              number: doc.number,
              title: doc.title,
              fileId: doc.fileId,
              documentId: doc.id,
            },
          },
        ],
      },
    });
    const view = await getDocument({ scope: w.auditor.scope, id: doc.id });
    expect(view.usedIn.map((u) => [u.blank.id, u.itemKey])).toEqual([[blank.id, item.key]]);
  });

  it("refuses another municipality's registry document in a blank", async () => {
    const foreign = await createDocument({ scope: w.moA2.scope, input: order({ owner: `municipality:${w.t.a2.id}`, number: "77" }) });
    const blank = await w.blankOf(w.t.a1.id);
    const item = w.item("municipal", "1.2.1");
    const error = await saveBlankAnswers({
      scope: w.moA1.scope,
      input: {
        blankId: blank.id,
        version: blank.version,
        answers: [
          {
            itemKey: item.key,
            value: {
              kind: "DOCUMENT",
              present: true,
              docType: "",
              issuer: "",
              date: null,
              number: "",
              title: "",
              fileId: null,
              documentId: foreign.id,
            },
          },
        ],
      },
    }).catch((e: AppError) => e);
    expect((error as AppError).fieldErrors[`answers.${item.key}`]).toEqual(["Документ реестра не найден."]);
  });

  it("marks a document superseded by a newer one", async () => {
    const newer = await createDocument({ scope: w.moA1.scope, input: order({ date: "2022-09-01", number: "1200" }) });
    await supersedeDocument({ scope: w.moA1.scope, documentId: orderId, byId: newer.id });
    expect(await getDocument({ scope: w.moA1.scope, id: orderId })).toMatchObject({ status: "SUPERSEDED", supersededBy: { id: newer.id } });
    expect(await codeOf(supersedeDocument({ scope: w.moA2.scope, documentId: orderId, byId: newer.id }))).toBe("NOT_FOUND");
  });
});
