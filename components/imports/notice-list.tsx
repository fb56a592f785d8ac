import type { TImportNotice } from "@/lib/schemas/import";

/**
 * What the reader tells about the file: how it was read («Кодировка: Windows-1251,
 * разделитель «;»», «Лист: Дорожная карта») on one line, then each row left out
 * around the table by its number («Строка 14: … — не импортировано: подпись/примечание под таблицей»).
 */
export function NoticeList({ notices }: { notices: TImportNotice[] }) {
  if (notices.length === 0) return null;
  const file = notices.filter((n) => n.row === null);
  const rows = notices.filter((n) => n.row !== null);
  return (
    <div className="space-y-1 text-sm">
      {file.length > 0 && <p>{file.map((n) => n.message).join("; ")}</p>}
      {rows.length > 0 && (
        <ul aria-label="Строки, которые не импортируются" className="list-disc space-y-1 pl-6 text-muted-foreground">
          {rows.map((n) => (
            <li key={`${n.kind}-${n.row}`} className="whitespace-pre-line">
              Строка {n.row}: {n.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
