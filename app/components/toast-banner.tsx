import { Alert } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import type { Toast } from "~/utils/toast";

// Ids already shown: the root loader's data outlives a client-side navigation, and a toast
// must not pop up again on every page until the next action.
const shown = new Set<string>();

/**
 * The confirmation after an action. Without JavaScript it is a plain banner (role="status")
 * at the top of the page; once scripts run it becomes a Mantine notification that fades away.
 */
export function ToastBanner({ toast }: { toast: Toast | null }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (!toast || shown.has(toast.id)) return;
    shown.add(toast.id);
    notifications.show({ id: toast.id, message: toast.message, color: "teal", autoClose: 6000, withBorder: true, closeButtonProps: { "aria-label": "Dismiss this message" } });
  }, [toast]);
  if (!toast || hydrated) return null;
  return (
    <Alert role="status" color="teal" variant="light" mb="md" data-testid="toast-banner">
      {toast.message}
    </Alert>
  );
}
