-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('IN_FORCE', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "RegistryDocument" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "municipalityId" UUID,
    "organizationId" UUID,
    "type" TEXT NOT NULL,
    "issuer" TEXT,
    "issuerKey" TEXT NOT NULL DEFAULT '',
    "date" DATE,
    "number" TEXT,
    "title" TEXT,
    "fileId" UUID,
    "status" "DocumentStatus" NOT NULL DEFAULT 'IN_FORCE',
    "supersededById" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RegistryDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoordinatorAssignment" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "municipalityId" UUID NOT NULL,
    "organizationId" UUID,
    "personName" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "orderDocumentId" UUID,
    "userId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoordinatorAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegistryDocument_regionId_municipalityId_date_idx" ON "RegistryDocument"("regionId", "municipalityId", "date");

-- CreateIndex
CREATE INDEX "RegistryDocument_organizationId_idx" ON "RegistryDocument"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistryDocument_regionId_issuerKey_type_number_date_key" ON "RegistryDocument"("regionId", "issuerKey", "type", "number", "date");

-- CreateIndex
CREATE INDEX "CoordinatorAssignment_regionId_role_validFrom_idx" ON "CoordinatorAssignment"("regionId", "role", "validFrom");

-- CreateIndex
CREATE INDEX "CoordinatorAssignment_municipalityId_organizationId_idx" ON "CoordinatorAssignment"("municipalityId", "organizationId");

-- AddForeignKey
ALTER TABLE "RegistryDocument" ADD CONSTRAINT "RegistryDocument_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "RegistryDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoordinatorAssignment" ADD CONSTRAINT "CoordinatorAssignment_orderDocumentId_fkey" FOREIGN KEY ("orderDocumentId") REFERENCES "RegistryDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;
