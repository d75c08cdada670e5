import {
  Combobox,
  Loader,
  TextInput,
  VisuallyHidden,
  useCombobox,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type Ref } from "react";
import type { EndUserSummary } from "../../../../server/contract/heron-data";
import { isApiError } from "../../../lib/api-error";
import {
  endUserSearchQueryOptions,
  useEndUserSearch,
} from "../api/search-end-users";
import { DirectoryStatusLine } from "./directory-status-line";
import { EndUserOptionContent, endUserDisplayName } from "./end-user-option";
import { EndUserSearchStatus, describeSearchStatus } from "./search-status";

const SEARCH_DEBOUNCE_MS = 250;

export interface EndUserPickerProps {
  value: EndUserSummary | null;
  onChange: (user: EndUserSummary | null) => void;
  onBlur?: () => void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Searches the console's end-user directory as staff type, shows how fresh
 * it is, and resolves a pasted heron id or end_user_id straight to its user.
 */
export function EndUserPicker({
  value,
  onChange,
  onBlur,
  error,
  inputRef,
}: EndUserPickerProps) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const combobox = useCombobox({
    onDropdownClose: () => combobox.resetSelectedOption(),
  });
  const [text, setText] = useState(() =>
    value ? endUserDisplayName(value) : "",
  );
  const [ownValue, setOwnValue] = useState(value);
  const pastingRef = useRef(false);
  const latestTextRef = useRef(text);

  // A value set from outside, such as a form reset, replaces the typed text.
  // Compared by id because form libraries may hand back a copy of the object.
  if ((value?.heron_id ?? null) !== (ownValue?.heron_id ?? null)) {
    setOwnValue(value);
    setText(value ? endUserDisplayName(value) : "");
  }

  const [debounced] = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const search = useEndUserSearch(debounced, combobox.dropdownOpened);
  // A background refetch of the same text, as during the first sync, keeps
  // its options pickable; only a new text waits.
  const waiting =
    text.trim() !== debounced ||
    (search.isFetching && (search.isPlaceholderData || !search.data));
  // Options from an earlier text stay on screen while the next search runs,
  // but they belong to another search, so they cannot be picked.
  const stale = waiting || search.isPlaceholderData;
  const status = describeSearchStatus({
    text: text.trim(),
    waiting,
    error: search.isError ? search.error : null,
    result: search.data,
  });
  // Text over the server's length limit is let in, not cut silently, and
  // the server's 422 message shows under the field.
  const searchError =
    search.isError && !waiting && isApiError(search.error)
      ? (search.error.fields.search?.[0] ?? null)
      : null;

  function select(user: EndUserSummary) {
    const name = endUserDisplayName(user);
    latestTextRef.current = name;
    setText(name);
    setOwnValue(user);
    onChange(user);
    combobox.closeDropdown();
  }

  function clear() {
    latestTextRef.current = "";
    setText("");
    setOwnValue(null);
    onChange(null);
  }

  async function resolvePasted(candidate: string) {
    if (candidate === "") return;

    try {
      const result = await queryClient.fetchQuery(
        endUserSearchQueryOptions(candidate),
      );
      const only = result.end_users[0];
      const stillCurrent = latestTextRef.current.trim() === candidate;
      const single = result.match === "exact" && result.end_users.length === 1;

      if (stillCurrent && single && only) select(only);
    } catch {
      // The dropdown runs the same search and shows its error in place.
    }
  }

  function handleTextChange(next: string) {
    latestTextRef.current = next;
    setText(next);
    combobox.openDropdown();
    combobox.resetSelectedOption();

    if (value !== null) {
      setOwnValue(null);
      onChange(null);
    }

    if (pastingRef.current) {
      pastingRef.current = false;
      void resolvePasted(next.trim());
    }
  }

  function handleOptionSubmit(heronId: string) {
    if (stale) return;
    const user = search.data?.end_users.find((u) => u.heron_id === heronId);
    if (user) select(user);
  }

  const users = search.data?.end_users ?? [];
  const exact = search.data?.match === "exact";
  const directory = search.data?.directory;

  return (
    <>
      <Combobox store={combobox} onOptionSubmit={handleOptionSubmit}>
        <Combobox.Target autoComplete="off" withExpandedAttribute>
          <TextInput
            ref={inputRef}
            id={inputId}
            role="combobox"
            aria-autocomplete="list"
            label="End user"
            placeholder="Name, end_user_id or eus_…"
            description={
              value
                ? `Selected: end_user_id ${value.end_user_id} · heron id ${value.heron_id}`
                : "Search by name or end_user_id, or paste a heron id (eus_…)."
            }
            value={text}
            error={searchError ?? error}
            withAsterisk
            onChange={(event) => handleTextChange(event.currentTarget.value)}
            onPaste={() => {
              pastingRef.current = true;
            }}
            onClick={() => combobox.openDropdown()}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => {
              combobox.closeDropdown();
              onBlur?.();
            }}
            rightSection={
              waiting && combobox.dropdownOpened ? (
                <Loader size="xs" />
              ) : text !== "" ? (
                <Combobox.ClearButton
                  onClear={clear}
                  aria-label="Clear end user"
                />
              ) : null
            }
          />
        </Combobox.Target>

        <Combobox.Dropdown>
          <Combobox.Options
            mah={320}
            style={{ overflowY: "auto" }}
            labelledBy={`${inputId}-label`}
          >
            {users.length === 0 || search.isError ? (
              <Combobox.Empty>
                <EndUserSearchStatus status={status} />
                {directory && <DirectoryStatusLine directory={directory} />}
              </Combobox.Empty>
            ) : (
              users.map((user) => (
                <Combobox.Option
                  value={user.heron_id}
                  key={user.heron_id}
                  active={user.heron_id === value?.heron_id}
                  disabled={stale}
                >
                  <EndUserOptionContent user={user} exact={exact} />
                </Combobox.Option>
              ))
            )}
          </Combobox.Options>
          {users.length > 0 && !search.isError && (
            <Combobox.Footer>
              <EndUserSearchStatus status={status} />
              {directory && <DirectoryStatusLine directory={directory} />}
            </Combobox.Footer>
          )}
        </Combobox.Dropdown>
      </Combobox>
      <VisuallyHidden aria-live="polite">
        {combobox.dropdownOpened ? status.text : ""}
      </VisuallyHidden>
    </>
  );
}
