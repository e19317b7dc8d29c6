import type { AnyProcedure } from "@trpc/server";

/** The bits of a zod (v4) schema's definition needed to read its type; nothing is changed on it. */
type ZodDef = { type: string; innerType?: ZodLike; in?: ZodLike; shape?: Record<string, ZodLike>; element?: ZodLike };
type ZodLike = { _zod?: { def: ZodDef } };

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

function unwrap(schema: ZodLike | undefined): ZodDef | undefined {
  let def = schema?._zod?.def;
  for (let depth = 0; def && depth < 10; depth++) {
    if (WRAPPERS.has(def.type) && def.innerType) def = def.innerType._zod?.def;
    else if (def.type === "pipe" && def.in) def = def.in._zod?.def;
    else break;
  }
  return def;
}

/**
 * A GET's input from its query string. Query parameters are text, so each is converted to what the
 * procedure's input schema declares for it (numbers, booleans, arrays for repeated keys); a value that
 * does not convert stays text and the schema refuses it naming the field. The schema itself is read,
 * never modified (JSON bodies are validated as sent, without any coercion).
 */
export function queryInput(procedure: AnyProcedure, params: URLSearchParams): Record<string, unknown> {
  const inputs = (procedure._def as { inputs?: ZodLike[] }).inputs ?? [];
  const shape = unwrap(inputs[0])?.shape ?? {};
  const input: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) input[key] = convert(params.getAll(key), unwrap(shape[key]));
  return input;
}

function convert(values: string[], def: ZodDef | undefined): unknown {
  if (def?.type === "array") return values.map((v) => scalar(v, unwrap(def.element)));
  return scalar(values.at(-1)!, def);
}

function scalar(value: string, def: ZodDef | undefined): unknown {
  switch (def?.type) {
    case "number":
    case "int":
      return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
    case "boolean":
      return value === "true" ? true : value === "false" ? false : value;
    default:
      return value;
  }
}
