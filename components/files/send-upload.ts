import { FILE_UPLOAD, type UploadRules, uploadProblem } from "@/lib/domain/files/upload-rules";

export type UploadResult = { ok: true; id: string; name: string } | { ok: false; error: string };

/**
 * Sends one file to /api/files with the form's `fields` (owner, for). A file the server
 * would refuse for what the browser already knows (its size, its kind by name) is not
 * sent at all: the user hears why at once instead of after uploading 25 MB.
 */
export async function sendUpload(file: File, fields: Record<string, string>, rules: UploadRules = FILE_UPLOAD): Promise<UploadResult> {
  const problem = uploadProblem(file, rules);
  if (problem) return { ok: false, error: problem };
  const body = new FormData();
  body.set("file", file);
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  const response = await fetch("/api/files", { method: "POST", body }).catch(() => null);
  const json = await response?.json().catch(() => null);
  if (!response?.ok) return { ok: false, error: json?.error?.message ?? "Не удалось загрузить файл." };
  return { ok: true, id: json.id, name: json.name };
}
