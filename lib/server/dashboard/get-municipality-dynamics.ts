import "server-only";
import { municipalityDynamics, type MunicipalityDynamics } from "@/lib/domain/dashboard/municipality-dynamics";
import type { Scope } from "@/lib/scope";
import { queryMunicipalityDynamics } from "./query-municipality-dynamics";

/**
 * One municipality across two campaigns of one template: the scores then and now
 * and the change, and the findings closed and new. By default the latest two
 * campaigns in which it took part with that template; `from`/`to` choose others.
 */
export async function getMunicipalityDynamics(options: {
  scope: Scope;
  municipalityId: string;
  templateId?: string;
  fromCampaignId?: string;
  toCampaignId?: string;
}): Promise<MunicipalityDynamics> {
  return municipalityDynamics(await queryMunicipalityDynamics(options));
}
