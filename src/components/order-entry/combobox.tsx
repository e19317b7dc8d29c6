"use client";

import { Loader2 } from "lucide-react";
import { useEffect, useRef, useState, type ComponentProps, type KeyboardEvent, type ReactNode, type Ref } from "react";
import { inputClassName } from "~/components/ui/input";
import { cn } from "~/lib/utils";

/**
 * A small type-ahead combobox following the WAI-ARIA "list autocomplete" pattern: an input with
 * role="combobox", a listbox of role="option"s, the active option announced through aria-activedescendant.
 * ↑/↓ move, Enter picks (the first option is active, so "type, Enter" picks the best match), Esc closes,
 * Tab leaves without picking. Enter pressed before the answer for the text typed so far has arrived is
 * remembered and picks the first option of that answer, so a fast typist never gets a stale match.
 */
type InputProps = Omit<ComponentProps<"input">, "value" | "onChange" | "onSelect" | "role" | "ref" | "id">;

export type ComboboxProps<T> = InputProps & {
  id: string;
  value: string;
  onValueChange: (value: string) => void;
  /** Options for the text (possibly an older text's while the new answer loads; see `isCurrent`). */
  options: readonly T[] | undefined;
  /** The options answer the text as it is now. */
  isCurrent: boolean;
  isLoading: boolean;
  error?: string | null;
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  /** Plain text of an option, announced by screen readers. */
  optionLabel: (option: T) => string;
  onPick: (option: T) => void;
  emptyMessage: string;
  listLabel: string;
  inputRef?: Ref<HTMLInputElement>;
  wrapperClassName?: string;
  popupClassName?: string;
};

export function Combobox<T>({
  id,
  value,
  onValueChange,
  options,
  isCurrent,
  isLoading,
  error,
  optionKey,
  renderOption,
  optionLabel,
  onPick,
  emptyMessage,
  listLabel,
  inputRef,
  wrapperClassName,
  popupClassName,
  className,
  onKeyDown,
  onBlur,
  ...inputProps
}: ComboboxProps<T>) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [enterPending, setEnterPending] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const items = options ?? [];
  const hasText = value.trim().length > 0;
  const isShown = open && hasText;
  const activeIndex = items.length > 0 ? Math.min(active, items.length - 1) : -1;
  const isExpanded = isShown && items.length > 0;

  function pick(option: T) {
    setOpen(false);
    setEnterPending(false);
    onPick(option);
  }

  // A remembered Enter resolves as soon as the answer for the current text is in.
  const pickRef = useRef(pick);
  useEffect(() => {
    pickRef.current = pick;
  });
  useEffect(() => {
    if (!enterPending || !isCurrent) return;
    const first = options?.[0];
    if (first) pickRef.current(first);
  }, [enterPending, isCurrent, options]);

  const activeId = isExpanded && activeIndex >= 0 ? optionId(activeIndex) : undefined;
  useEffect(() => {
    if (activeId) listRef.current?.querySelector(`#${CSS.escape(activeId)}`)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
    if (plain && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      if (!isShown) {
        setOpen(true);
        setActive(0);
      } else if (items.length > 0) {
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((activeIndex + step + items.length) % items.length);
      }
      return;
    }
    if (plain && !event.shiftKey && event.key === "Enter" && isShown) {
      const option = items[activeIndex];
      if (isCurrent && option) {
        event.preventDefault();
        pick(option);
        return;
      }
      if (!isCurrent || isLoading) {
        event.preventDefault();
        setEnterPending(true);
        return;
      }
    }
    if (event.key === "Escape" && isShown) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setEnterPending(false);
      return;
    }
    if (event.key === "Tab") setOpen(false);
    onKeyDown?.(event);
  }

  return (
    <div className={cn("relative", wrapperClassName)}>
      <input
        {...inputProps}
        id={id}
        ref={inputRef}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isExpanded}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-busy={isShown && isLoading ? true : undefined}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        value={value}
        className={cn(inputClassName, className)}
        onChange={(event) => {
          onValueChange(event.target.value);
          setOpen(true);
          setActive(0);
          setEnterPending(false);
        }}
        onKeyDown={handleKeyDown}
        onBlur={(event) => {
          setOpen(false);
          setEnterPending(false);
          onBlur?.(event);
        }}
      />
      <div
        className={cn(
          "absolute top-full left-0 z-40 mt-1 w-max min-w-full max-w-[min(36rem,90vw)] overflow-hidden rounded-md border bg-popover text-popover-foreground shadow-lg",
          !isShown && "hidden",
          popupClassName,
        )}
      >
        <ul
          ref={listRef}
          role="listbox"
          id={listId}
          aria-label={listLabel}
          hidden={!isExpanded}
          className={cn("max-h-72 overflow-y-auto py-1", !isCurrent && "opacity-60")}
        >
          {items.map((option, index) => (
            <li
              key={optionKey(option)}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              aria-label={optionLabel(option)}
              className="cursor-pointer px-3 py-1.5 text-sm aria-selected:bg-accent aria-selected:text-accent-foreground"
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => index !== activeIndex && setActive(index)}
              onClick={() => pick(option)}
            >
              {renderOption(option)}
            </li>
          ))}
        </ul>
        {isShown && items.length === 0 && (
          <p className="flex items-center gap-2 px-3 py-2 text-sm text-muted-foreground">
            {isLoading || !isCurrent ? (
              <>
                <Loader2 aria-hidden="true" className="size-3.5 animate-spin" /> Searching…
              </>
            ) : error ? (
              <span className="text-destructive">Search failed: {error}</span>
            ) : (
              emptyMessage
            )}
          </p>
        )}
      </div>
      <span role="status" aria-live="polite" className="sr-only">
        {isShown && isCurrent && !isLoading ? (items.length === 0 ? emptyMessage : `${items.length} result${items.length === 1 ? "" : "s"}`) : ""}
      </span>
    </div>
  );
}
