import { ALL_ROLES } from "@/lib/roles";
import { withScope } from "@/lib/server/auth/with-scope";
import { exportList } from "@/lib/server/exports/export-list";
import { downloadResponse } from "@/lib/server/http/download";
import { checkExportRateLimit } from "@/lib/server/rate-limit/check-export-rate-limit";

/**
 * Downloads a whole list as its page shows it: `?format=xlsx|csv` (XLSX without it)
 * and the page's own parameters (search, filters, sort). Each list allows the roles
 * of its page (see lib/server/exports/list-exports.ts); an unknown list is 404.
 * Downloads are limited per user and minute (429 with Retry-After past it).
 */
export const GET = withScope<{ list: string }>(
  async ({ request, params, scope }) => {
    const limited = await checkExportRateLimit(scope);
    if (limited) return limited;
    const searchParams = new URL(request.url).searchParams;
    const file = await exportList({
      scope,
      list: params.list,
      query: Object.fromEntries(searchParams),
      format: searchParams.get("format") ?? undefined,
    });
    return downloadResponse(file.stream, { mimeType: file.mimeType, fileName: file.fileName });
  },
  { role: ALL_ROLES },
);
