import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { FormPrefill } from "../features/trigger/lib/form-prefill";
import type { DraftOrigin, StartDraft } from "../lib/start-draft";
import { resolveDraft } from "./resolve-draft";

export interface PrefillNotice {
  color: "red" | "orange";
  title: string;
  messages: string[];
}

/**
 * Turns drafts (from "Start like this" or a share link) into form prefills
 * once their end user and workflow are resolved. Only the latest draft is
 * applied, so a slow lookup cannot overwrite a newer choice.
 */
export function useFormPrefill() {
  const queryClient = useQueryClient();
  const [prefill, setPrefill] = useState<FormPrefill | null>(null);
  const [notice, setNotice] = useState<PrefillNotice | null>(null);
  const [resolving, setResolving] = useState(false);
  const latestRef = useRef(0);

  async function applyDraft(draft: StartDraft, origin: DraftOrigin | null) {
    const key = ++latestRef.current;
    setResolving(true);
    setNotice(null);

    const resolved = await resolveDraft(queryClient, draft);
    if (key !== latestRef.current) return;

    setResolving(false);
    setPrefill({
      key,
      endUser: resolved.endUser,
      workflow: resolved.workflow,
      parameters: draft.workflow_parameters,
      origin,
    });
    if (resolved.problems.length > 0) {
      setNotice({
        color: "orange",
        title: "Part of the form could not be filled in",
        messages: resolved.problems,
      });
    }
  }

  function rejectDraft(message: string) {
    latestRef.current++;
    setResolving(false);
    setNotice({
      color: "red",
      title: "This link was not used",
      messages: [message],
    });
  }

  return {
    prefill,
    notice,
    resolving,
    applyDraft,
    rejectDraft,
    dismissNotice: () => setNotice(null),
  };
}
