import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Random } from "@/lib/seed-data/random";
import type { RegionScale } from "./scales";

export type Tx = Prisma.TransactionClient;

export interface GenContext {
  tx: Tx;
  random: Random;
  scale: RegionScale;
  log: (line: string) => void;
}

export interface GenMunicipality {
  id: string;
  name: string;
  centre: string;
}

export interface GenSchool {
  id: string;
  municipalityId: string;
  name: string;
}

export interface GenDirectory {
  regionId: string;
  regionName: string;
  municipalities: GenMunicipality[];
  schools: GenSchool[];
}
