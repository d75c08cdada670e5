import { notifications } from "@mantine/notifications";
import { SHARE_LINK_MAX_CHARS, buildShareUrl } from "./share-link";
import type { StartDraft } from "./start-draft";

/**
 * Copies a link that opens the start form filled with `draft`, and reports
 * the result as a notification. The link never starts anything by itself.
 */
export async function copyShareLink(draft: StartDraft): Promise<void> {
  const url = buildShareUrl(draft, window.location.href);

  if (url === null) {
    notifications.show({
      color: "red",
      title: "Link not copied",
      message: `These parameters make a link longer than ${SHARE_LINK_MAX_CHARS} characters, the most a share link may have. Share the parameters as text instead.`,
      closeButtonProps: { "aria-label": "Close notification" },
    });
    return;
  }

  try {
    await navigator.clipboard.writeText(url);
    notifications.show({
      color: "green",
      title: "Link copied",
      message:
        "The link fills the start form. Whoever opens it still reviews and confirms the start.",
      closeButtonProps: { "aria-label": "Close notification" },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    notifications.show({
      color: "red",
      title: "Link not copied",
      message: `The browser did not allow copying to the clipboard (${reason}). Allow clipboard access for this page and try again.`,
      closeButtonProps: { "aria-label": "Close notification" },
    });
  }
}
