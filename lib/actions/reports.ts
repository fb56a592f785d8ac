"use server";

import { revalidatePath } from "next/cache";
import { REGION_ADMINS } from "@/lib/roles";
import { ZReportSettings } from "@/lib/schemas/report";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { saveReportSettings } from "@/lib/server/reports/save-report-settings";

export const saveReportSettingsAction = scopedAction(ZReportSettings, { role: REGION_ADMINS }, async (input, scope) => {
  const saved = await saveReportSettings({ scope, input });
  revalidatePath("/region/report-settings");
  return { updatedAt: saved.updatedAt.toISOString() };
});
