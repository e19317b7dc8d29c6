"use client";

import { Plus, Trash2 } from "lucide-react";
import { useRef, type KeyboardEvent } from "react";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Kbd } from "~/components/ui/kbd";
import { NativeSelect } from "~/components/ui/select";
import { cn } from "~/lib/utils";
import { CategoryPicker, SkuPicker } from "./pickers";
import { emptyRow, type ItemRow } from "./price-list-form";

type Col = "kind" | "ref" | "minQuantity" | "unitPrice";

/**
 * The items of a price list as an editable grid: per row a SKU or a category, the quantity the tier
 * starts at, and the unit price. ↑/↓ in the quantity and price cells move between rows (↓ on the last
 * row adds one), Ctrl+Enter adds a row, Ctrl+Backspace removes the current one.
 */
export function PriceListItemsGrid({
  rows,
  onChange,
  errors,
  currency,
}: {
  rows: ItemRow[];
  onChange: (rows: ItemRow[]) => void;
  errors: Record<string, string>;
  currency: string;
}) {
  const gridRef = useRef<HTMLDivElement>(null);

  const focusCell = (row: number, col: Col) => {
    // After a render that adds rows, the cell exists on the next frame.
    requestAnimationFrame(() => {
      const el = gridRef.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
      el?.focus();
      if (el instanceof HTMLInputElement) el.select();
    });
  };

  const update = (index: number, patch: Partial<ItemRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const addRow = (after = rows.length - 1, kind: ItemRow["kind"] = rows[after]?.kind ?? "sku") => {
    const next = [...rows];
    next.splice(after + 1, 0, emptyRow(kind));
    onChange(next);
    focusCell(after + 1, "ref");
  };
  const removeRow = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    onChange(next.length ? next : [emptyRow()]);
    focusCell(Math.max(0, Math.min(index, next.length - 1)), "ref");
  };

  const onCellKeyDown = (index: number, col: Col) => (event: KeyboardEvent<HTMLElement>) => {
    const plain = !event.altKey && !event.metaKey && !event.shiftKey;
    if (event.ctrlKey && event.key === "Enter") {
      event.preventDefault();
      addRow(index);
      return;
    }
    if (event.ctrlKey && event.key === "Backspace") {
      event.preventDefault();
      removeRow(index);
      return;
    }
    if (!plain || event.ctrlKey || (col !== "minQuantity" && col !== "unitPrice")) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (index === rows.length - 1) addRow(index);
      else focusCell(index + 1, col);
    } else if (event.key === "ArrowUp" && index > 0) {
      event.preventDefault();
      focusCell(index - 1, col);
    }
  };

  return (
    <div ref={gridRef} className="grid gap-2">
      {/* No scroll box of its own: the dialog scrolls, so type-ahead lists are never clipped. */}
      <div className="rounded-md border">
        <table className="w-full border-collapse text-sm" aria-label="Price list items">
          <thead className="bg-muted">
            <tr className="border-b text-xs text-muted-foreground">
              <th scope="col" className="w-10 px-2 py-2 text-right font-medium">
                #
              </th>
              <th scope="col" className="w-32 px-2 py-2 text-left font-medium">
                Applies to
              </th>
              <th scope="col" className="px-2 py-2 text-left font-medium">
                SKU or category
              </th>
              <th scope="col" className="w-36 px-2 py-2 text-right font-medium">
                From quantity (tier)
              </th>
              <th scope="col" className="w-36 px-2 py-2 text-right font-medium">
                Unit price ({currency || "USD"})
              </th>
              <th scope="col" className="w-12 px-2 py-2">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const n = i + 1;
              const refError = errors[`items.${i}.${row.kind}`] ?? errors[`items.${i}`];
              const qtyError = errors[`items.${i}.minQuantity`];
              const priceError = errors[`items.${i}.unitPrice`];
              const errorId = `item-${row.key}-error`;
              const rowErrors = [refError, qtyError, priceError].filter(Boolean);
              return (
                <tr key={row.key} className={cn("border-b align-top last:border-0", rowErrors.length > 0 && "bg-danger-soft/40")}>
                  <td className="px-2 py-1.5 pt-3 text-right text-xs text-muted-foreground tabular-nums">{n}</td>
                  <td className="px-2 py-1.5">
                    <NativeSelect
                      aria-label={`Applies to, row ${n}`}
                      data-row={i}
                      data-col="kind"
                      value={row.kind}
                      onChange={(e) => update(i, { kind: e.target.value as ItemRow["kind"], productName: null })}
                      onKeyDown={onCellKeyDown(i, "kind")}
                      selectClassName="h-8 text-xs"
                    >
                      <option value="sku">SKU</option>
                      <option value="category">Category</option>
                    </NativeSelect>
                  </td>
                  <td className="px-2 py-1.5">
                    {row.kind === "sku" ? (
                      <SkuPicker
                        id={`item-${row.key}-sku`}
                        data-row={i}
                        data-col="ref"
                        aria-label={`SKU, row ${n}`}
                        listLabel={`Products for row ${n}`}
                        value={row.ref}
                        onValueChange={(sku) => update(i, { ref: sku, productName: null })}
                        onPick={(p) => update(i, { ref: p.sku, productName: p.name })}
                        onKeyDown={onCellKeyDown(i, "ref")}
                        placeholder="SKU or product name"
                        className="h-8"
                        aria-invalid={!!refError || undefined}
                        aria-describedby={rowErrors.length ? errorId : undefined}
                      />
                    ) : (
                      <CategoryPicker
                        id={`item-${row.key}-category`}
                        data-row={i}
                        data-col="ref"
                        aria-label={`Category, row ${n}`}
                        listLabel={`Categories for row ${n}`}
                        value={row.ref}
                        onValueChange={(category) => update(i, { ref: category })}
                        onKeyDown={onCellKeyDown(i, "ref")}
                        placeholder="Category name"
                        className="h-8 text-sm"
                        aria-invalid={!!refError || undefined}
                        aria-describedby={rowErrors.length ? errorId : undefined}
                      />
                    )}
                    {row.kind === "sku" && row.productName && <p className="mt-1 truncate text-xs text-muted-foreground">{row.productName}</p>}
                    {rowErrors.length > 0 && (
                      <p id={errorId} className="mt-1 text-xs font-medium text-destructive">
                        {rowErrors.join(" · ")}
                      </p>
                    )}
                  </td>
                  <td className="px-2 py-1.5">
                    <Input
                      aria-label={`From quantity, row ${n}`}
                      data-row={i}
                      data-col="minQuantity"
                      inputMode="numeric"
                      value={row.minQuantity}
                      placeholder="1"
                      onChange={(e) => update(i, { minQuantity: e.target.value })}
                      onKeyDown={onCellKeyDown(i, "minQuantity")}
                      className="h-8 text-right tabular-nums"
                      aria-invalid={!!qtyError || undefined}
                      aria-describedby={qtyError ? errorId : undefined}
                    />
                  </td>
                  <td className="px-2 py-1.5">
                    <Input
                      aria-label={`Unit price, row ${n}`}
                      data-row={i}
                      data-col="unitPrice"
                      inputMode="decimal"
                      value={row.unitPrice}
                      placeholder="0.00"
                      onChange={(e) => update(i, { unitPrice: e.target.value })}
                      onKeyDown={onCellKeyDown(i, "unitPrice")}
                      className="h-8 text-right tabular-nums"
                      aria-invalid={!!priceError || undefined}
                      aria-describedby={priceError ? errorId : undefined}
                    />
                  </td>
                  <td className="px-1 py-1.5 text-center">
                    <Button type="button" variant="ghost" size="icon" className="size-8" aria-label={`Remove row ${n}`} onClick={() => removeRow(i)}>
                      <Trash2 aria-hidden="true" />
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Button type="button" variant="outline" size="sm" onClick={() => addRow()}>
          <Plus aria-hidden="true" /> Add row
        </Button>
        <p className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
          <Kbd>↑</Kbd>
          <Kbd>↓</Kbd> move between rows (↓ on the last adds one) · <Kbd>Ctrl Enter</Kbd> add a row · <Kbd>Ctrl ⌫</Kbd> remove it · <Kbd>Enter</Kbd>{" "}
          save
        </p>
      </div>
    </div>
  );
}
