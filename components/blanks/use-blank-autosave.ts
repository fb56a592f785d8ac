"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { submitBlankAction } from "@/lib/actions/blanks";
import type { FormAnswer } from "@/lib/domain/blanks/answer-form";
import { BlankAutosave, type BackupStorage, type SaveState } from "@/lib/domain/blanks/autosave";
import { sendAnswers } from "@/lib/domain/blanks/save-answers-request";
import type { AnswerKind } from "@/lib/schemas/template";
import type { BlankFormValues } from "./answer-fields";

// Read on use: the component also renders on the server, where there is no window.
const browserStorage: BackupStorage = {
  getItem: (key) => window.localStorage.getItem(key),
  setItem: (key, value) => window.localStorage.setItem(key, value),
  removeItem: (key) => window.localStorage.removeItem(key),
};

/**
 * The blank form's saving (lib/domain/blanks/autosave.ts) bound to react-hook-form: its
 * state for the status line, the answers still marked as carried over, and the
 * submit in two steps (check, then send once the participant confirms). The form is remounted when the
 * blank's version changes (the page keys it), so the options are read once.
 */
export function useBlankAutosave(options: {
  blankId: string;
  version: number;
  kinds: ReadonlyMap<string, AnswerKind>;
  initial: Record<string, FormAnswer>;
  carriedOver: string[];
  form: UseFormReturn<BlankFormValues>;
}) {
  const { form } = options;
  const router = useRouter();
  const [state, setState] = useState<SaveState>({ kind: "saved", at: null });
  const [carried, setCarried] = useState(() => new Set(options.carriedOver));
  const [autosave] = useState(
    () =>
      new BlankAutosave({
        blankId: options.blankId,
        version: options.version,
        kinds: options.kinds,
        initial: options.initial,
        values: () => form.getValues("answers"),
        showErrors: (key, errors) => {
          form.clearErrors(`answers.${key}`);
          for (const [field, message] of Object.entries(errors)) {
            form.setError(`answers.${key}.${field as keyof FormAnswer}`, { type: "validate", message });
          }
        },
        onState: setState,
        onSaved: (keys) => setCarried((before) => new Set([...before].filter((key) => !keys.includes(key)))),
        // A route handler, not a server action: the autosave runs at every pause in typing (issue 19).
        saveAnswers: (input) => sendAnswers(input),
        submitBlank: submitBlankAction,
        storage: browserStorage,
      }),
  );

  useEffect(() => {
    autosave.start((key, value) => form.setValue(`answers.${key}`, value, { shouldDirty: true }));
    const subscription = form.watch(() => autosave.changed());
    return () => {
      subscription.unsubscribe();
      autosave.stop();
    };
  }, [autosave, form]);

  return {
    state,
    carried,
    save: (confirmKeys?: string[]) => autosave.save(confirmKeys),
    checkSubmit: () => autosave.checkSubmit(),
    submit: () => autosave.submit(),
    reload: () => router.refresh(),
  };
}
