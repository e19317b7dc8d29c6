"use client";

/** Saves text as a file in the browser (CSV export). */
export function downloadText(filename: string, text: string, type = "text/csv;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * For a dialog's `onEscapeKeyDown`: Esc in an open type-ahead closes its list, not the dialog
 * (the dialog hears Esc first, in the capture phase).
 */
export function keepComboboxEscape(event: KeyboardEvent) {
  const target = event.target as HTMLElement | null;
  if (target?.getAttribute?.("role") === "combobox" && target.getAttribute("aria-expanded") === "true") event.preventDefault();
}
