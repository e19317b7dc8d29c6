import type { Shortcut } from "~/components/ui/shortcuts-dialog";

/** The keys of order entry, as the `?` dialog lists them (the handlers live in the form and the lines grid). */
export const ENTRY_SHORTCUTS: readonly Shortcut[] = [
  { keys: ["Alt", "L"], does: "Go to the lines (the first empty SKU)" },
  { keys: ["Alt", "H"], does: "Back to the header (customer)" },
  { keys: ["Enter"], does: "On a SKU: pick the product and go to its quantity" },
  { keys: ["Enter"], does: "On a quantity: next line (a new one after the last)" },
  { keys: ["↑", "↓"], does: "On a quantity: line above or below" },
  { keys: ["Alt", "M"], does: "In a line whose SKU is on an earlier line: merge it into that line" },
  { keys: ["Backspace"], does: "In the empty SKU of a blank line: remove the line" },
  { keys: ["Ctrl", "Enter"], does: "Submit the order (⌘ Enter on a Mac)" },
  { keys: ["?"], does: "Show these keys (outside text fields)" },
];

/** Text is typed here: `?` is a character, not a shortcut (checkboxes, radios and buttons are not). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  const el = target as Element;
  return !!el.closest(
    "input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), textarea, select, [contenteditable=''], [contenteditable=true], [role=combobox], [role=textbox]",
  );
}
