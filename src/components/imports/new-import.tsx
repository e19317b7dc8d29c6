"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import Papa from "papaparse";
import { useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Skeleton } from "~/components/ui/skeleton";
import { toast } from "~/components/ui/toast";
import { apiErrorOf } from "~/lib/trpc-error";
import type { ImportKindName } from "~/server/imports/constants";
import { useTRPC } from "~/trpc/react";
import type { Import, ImportKind } from "./import-display";

/** A CSV with the kind's columns and one example row, made here in the browser. */
function downloadTemplate(kind: ImportKind) {
  const body = Papa.unparse([kind.columns.map((c) => c.name), kind.columns.map((c) => c.example)], { newline: "\r\n" });
  const url = URL.createObjectURL(new Blob([`${body}\r\n`], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `${kind.kind.replace(/_/g, "-")}-template.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

type Progress = { phase: "sending"; percent: number } | { phase: "checking" };

/**
 * The file goes to `POST /api/v1/imports` as it is (text/csv), through XMLHttpRequest so a big file shows how
 * far it got; the server checks it row by row before it answers 201 with the import (nothing written yet).
 */
function uploadFile(kind: ImportKindName, file: File, onProgress: (p: Progress) => void): Promise<Import> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/imports?kind=${encodeURIComponent(kind)}&name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Content-Type", "text/csv");
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded >= e.total ? { phase: "checking" } : { phase: "sending", percent: Math.floor((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => onProgress({ phase: "checking" });
    xhr.onerror = () => reject(new Error("The upload broke off: check the connection and try again."));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): the status says enough.
      }
      if (xhr.status === 201 && body) resolve(body as Import);
      else {
        const message = (body as { error?: { message?: string } } | null)?.error?.message;
        reject(new Error(message ?? (xhr.status === 413 ? "The file is too large: split it into several files." : `The upload failed (${xhr.status}).`)));
      }
    };
    xhr.send(file);
  });
}

/** Choose what to import (its columns, a template), then upload a file to be checked. */
export function NewImport() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const kinds = useQuery(trpc.imports.kinds.queryOptions());
  const [chosen, setChosen] = useState<ImportKindName | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);

  const items = kinds.data?.items ?? [];
  const kind = items.find((k) => k.kind === chosen) ?? items.find((k) => k.allowed);
  const uploading = progress !== null;

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!kind || !file || uploading) return;
    setError(null);
    setProgress({ phase: "sending", percent: 0 });
    try {
      const created = await uploadFile(kind.kind, file, setProgress);
      void queryClient.invalidateQueries({ queryKey: trpc.imports.list.pathKey() });
      queryClient.setQueryData(trpc.imports.get.queryKey({ id: created.id }), created);
      toast.success(`${file.name} checked: nothing is written until you import it`);
      router.push(`/admin/import/${created.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setProgress(null);
    }
  }

  if (kinds.isError) {
    return (
      <p role="status" className="text-sm text-destructive">
        Could not load what can be imported: {apiErrorOf(kinds.error).message}
      </p>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Upload a file</CardTitle>
        <CardDescription>The file is checked row by row first; nothing is written until you import its valid rows.</CardDescription>
      </CardHeader>
      <CardContent>
        {!kind ? (
          kinds.isPending ? (
            <div aria-busy="true" className="grid gap-2">
              <span className="sr-only">Loading…</span>
              <Skeleton className="h-9 w-64" />
              <Skeleton className="h-24" />
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">Your role may not import any kind of file.</p>
          )
        ) : (
          <form onSubmit={submit} className="grid gap-4" aria-label="Upload a file" noValidate>
            <div className="flex flex-wrap items-end gap-3">
              <div className="grid gap-1.5">
                <Label htmlFor="import-kind">What to import</Label>
                <NativeSelect
                  id="import-kind"
                  className="w-56"
                  value={kind.kind}
                  disabled={uploading}
                  onChange={(e) => {
                    setChosen(e.target.value as ImportKindName);
                    setError(null);
                  }}
                >
                  {items.map((k) => (
                    <option key={k.kind} value={k.kind} disabled={!k.allowed}>
                      {k.label}
                      {k.allowed ? "" : " (not your role)"}
                    </option>
                  ))}
                </NativeSelect>
              </div>
              <Button type="button" variant="outline" onClick={() => downloadTemplate(kind)}>
                <Download aria-hidden />
                Download template
              </Button>
            </div>

            <div className="grid gap-2">
              <p className="text-sm">{kind.summary}</p>
              <h3 className="text-xs font-medium text-muted-foreground">
                Columns (in any order; the first row names them)
              </h3>
              <ul aria-label={`Columns: ${kind.label}`} className="grid gap-x-6 gap-y-1 text-xs lg:grid-cols-2">
                {kind.columns.map((c) => (
                  <li key={c.name} className="flex min-w-0 items-baseline gap-2">
                    <code className="shrink-0 font-mono font-medium">{c.name}</code>
                    {c.required && (
                      <Badge variant="outline" className="px-1 py-0 text-[0.65rem]">
                        required
                      </Badge>
                    )}
                    <span className="min-w-0 text-muted-foreground">{c.description}</span>
                  </li>
                ))}
              </ul>
            </div>

            <div className="flex flex-wrap items-end gap-3 border-t pt-4">
              <div className="grid gap-1.5">
                <Label htmlFor="import-file">CSV file</Label>
                <Input
                  id="import-file"
                  type="file"
                  accept=".csv,text/csv"
                  className="w-80"
                  disabled={uploading}
                  aria-invalid={!!error}
                  aria-describedby={error ? "import-file-error" : undefined}
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    setError(null);
                  }}
                />
              </div>
              <Button type="submit" disabled={!file || uploading}>
                <Upload aria-hidden />
                {uploading ? (progress.phase === "checking" ? "Checking…" : "Uploading…") : "Upload and check"}
              </Button>
              {progress && (
                <div className="grid min-w-48 flex-1 gap-1 self-center text-xs text-muted-foreground" aria-live="polite">
                  <span>{progress.phase === "sending" ? `Uploading ${file?.name ?? "the file"}: ${progress.percent}%` : "Uploaded; checking every row…"}</span>
                  <div
                    role="progressbar"
                    aria-label="Upload"
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={progress.phase === "sending" ? progress.percent : 100}
                    className="h-1.5 overflow-hidden rounded-full bg-muted"
                  >
                    <div
                      className="h-full bg-primary transition-[width]"
                      style={{ width: `${progress.phase === "sending" ? progress.percent : 100}%` }}
                    />
                  </div>
                </div>
              )}
            </div>
            {error && (
              <p id="import-file-error" className="rounded-md border border-destructive/30 bg-danger-soft px-3 py-2 text-sm text-danger-soft-foreground">
                <span className="font-medium">The file was not accepted.</span> {error}
              </p>
            )}
          </form>
        )}
      </CardContent>
    </Card>
  );
}
