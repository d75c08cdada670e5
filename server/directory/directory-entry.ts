/** One end user as the directory stores it. */
export interface DirectoryEntry {
  heron_id: string;
  end_user_id: string;
  name: string | null;
  status: string | null;
  /** Heron's last_updated as Heron sent it, or null when missing. */
  heron_updated_at: string | null;
}

export interface DirectoryRow extends DirectoryEntry {
  id: number;
  heron_updated_ms: number | null;
  seen_at: string;
  gone_at: string | null;
  /** The name folded for matching (NFKD, marks removed, lower case). */
  name_folded: string;
  end_user_id_folded: string;
}
