import { z } from "zod";

// Every schema's default messages speak Russian, on the client and the server alike.
z.config(z.locales.ru());

export { z };

/** The input of a server action that takes none. */
export const ZNoInput = z.void();
