"use client";

import { useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMoneyCompact } from "~/lib/money";
import { AGING_BUCKETS, type AgingBucket } from "~/server/billing/constants";
import { BUCKET_COLORS, BUCKET_LABELS, BUCKET_SHORT } from "./receivables-format";

const noSubscribe = () => () => {};
const useIsClient = () =>
  useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );

/** "$12.3K", "$1.2M": axis ticks and bar labels (the exact amounts are in the tiles and the table). */
const compact = (amount: number, currency: string) => formatMoneyCompact(amount, currency, "en-US");

/** What is owed by age, one bar per bucket, older warmer. */
export function ReceivablesChart({ totals, currency }: { totals: Record<AgingBucket, number>; currency: string }) {
  const isClient = useIsClient();
  const data = AGING_BUCKETS.map((b) => ({ bucket: b, label: BUCKET_SHORT[b], amount: totals[b] }));
  const description = AGING_BUCKETS.map((b) => `${BUCKET_LABELS[b]} ${formatMoney(totals[b], currency, "en-US")}`).join(", ");
  return (
    <div className="h-60 min-w-0" role="img" aria-label={`Receivables by age: ${description}.`}>
      {isClient && (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ left: 4, right: 8, top: 20, bottom: 4 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="label" fontSize={12} tickLine={false} />
            <YAxis fontSize={12} width={56} tickFormatter={(v: number) => compact(v, currency)} />
            <Tooltip
              cursor={{ fill: "var(--color-muted)" }}
              formatter={(value) => [formatMoney(Number(value), currency), "Owed"]}
              labelFormatter={(_label, payload) => {
                const bucket = (payload?.[0]?.payload as { bucket?: AgingBucket } | undefined)?.bucket;
                return bucket ? BUCKET_LABELS[bucket] : "";
              }}
            />
            <Bar dataKey="amount" name="Owed" radius={[3, 3, 0, 0]} maxBarSize={72} isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.bucket} fill={BUCKET_COLORS[d.bucket]} />
              ))}
              <LabelList dataKey="amount" position="top" fontSize={11} formatter={(v: unknown) => (Number(v) > 0 ? compact(Number(v), currency) : "")} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}
