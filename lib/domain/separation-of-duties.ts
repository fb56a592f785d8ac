/**
 * Separation of duties, as the user reads it: the refusals of the server
 * (lib/server/users/refuse-self-grant.ts, lib/server/blanks/review-duty.ts) and
 * the notes the pages show instead of controls that would be refused.
 */

/** Nobody gives themselves a role. */
export const SELF_GRANT_MESSAGE = "Нельзя назначать роли самому себе: попросите другого администратора.";

/** Whoever filled or submitted a blank does not mark, return or accept it. */
export const OWN_WORK_MESSAGE = "Вы заполняли или отправляли этот бланк: проверяет и принимает его другой сотрудник.";
