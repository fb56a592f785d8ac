import { fileURLToPath } from "node:url";

/**
 * Seed 002 itself, verbatim (roadmap-002.md): the demo imports it as a user
 * would, and the tests read it field by field.
 */
export const ROADMAP_002_PATH = fileURLToPath(new URL("./roadmap-002.md", import.meta.url));
