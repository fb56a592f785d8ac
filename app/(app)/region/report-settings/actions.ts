"use server";

import { revalidatePath } from "next/cache";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { saveReportSettings } from "@/lib/server/reports/save-report-settings";

export async function saveReportSettingsAction(input: unknown) {
  return scopedAction(
    async (data, scope) => {
      const saved = await saveReportSettings({ scope, input: data });
      revalidatePath("/region/report-settings");
      return { updatedAt: saved.updatedAt.toISOString() };
    },
    { role: ["REGION_ADMIN"] },
  )(input);
}
