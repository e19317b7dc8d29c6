import { toast as sonner } from "sonner";

type Toast = typeof sonner;

/** Closes the error toasts still showing. */
function dismissErrors() {
  for (const shown of sonner.getToasts()) {
    if ("type" in shown && shown.type === "error") sonner.dismiss(shown.id);
  }
}

/**
 * Sonner's `toast`, except that a success replaces the error toasts still showing: once the next action
 * worked, an old "Could not save" beside "Saved" only confuses. Import toasts from here, not from "sonner".
 */
export const toast: Toast = Object.assign((...args: Parameters<Toast>) => sonner(...args), sonner, {
  success: (...args: Parameters<Toast["success"]>) => {
    dismissErrors();
    return sonner.success(...args);
  },
});
