import { z } from "zod";
import { russianErrors } from "./russian-errors";

// Every schema's default messages speak Russian, on the client and the server alike: this module is the one
// every schema, the forms' resolver and the server's parsing import zod from.
z.config({ localeError: russianErrors });

export { z };

/** The input of a server action that takes none. */
export const ZNoInput = z.void();
