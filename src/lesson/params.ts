/** Typed knobs of a lesson: each with a default, a range or choices, a unit and help. */
export interface NumberParam {
  kind: 'number';
  label: string;
  default: number;
  min: number;
  max: number;
  step?: number;
  unit: string;
  help: string;
  /** Sliders for ranges spanning decades use a log scale. */
  scale?: 'linear' | 'log';
  integer?: boolean;
}

export interface ChoiceParam<V extends string = string> {
  kind: 'choice';
  label: string;
  default: V;
  choices: readonly { value: V; label: string }[];
  unit?: '';
  help: string;
}

export type ParamSpec = NumberParam | ChoiceParam;
export type ParamSpecs = Record<string, ParamSpec>;
export type ParamValue = number | string;

export type ParamsOf<S extends ParamSpecs> = {
  [K in keyof S]: S[K] extends ChoiceParam<infer V> ? V : number;
};

export function numberParam(p: Omit<NumberParam, 'kind'>): NumberParam {
  return { kind: 'number', ...p };
}

export function choiceParam<const V extends string>(p: Omit<ChoiceParam<V>, 'kind'>): ChoiceParam<V> {
  return { kind: 'choice', ...p };
}

export function defaultParams<S extends ParamSpecs>(specs: S): ParamsOf<S> {
  const out: Record<string, ParamValue> = {};
  for (const [k, s] of Object.entries(specs)) out[k] = s.default;
  return out as ParamsOf<S>;
}

/** Checks one value against its spec; returns an error sentence or undefined. */
export function checkParam(name: string, spec: ParamSpec, value: unknown): string | undefined {
  if (spec.kind === 'choice') {
    if (typeof value === 'string' && spec.choices.some((c) => c.value === value)) return undefined;
    return `${name} must be one of ${spec.choices.map((c) => c.value).join(', ')} (got ${JSON.stringify(value)})`;
  }
  if (typeof value !== 'number' || !Number.isFinite(value))
    return `${name} must be a number (got ${JSON.stringify(value)})`;
  if (value < spec.min || value > spec.max) {
    return `${name} must be between ${spec.min} and ${spec.max} ${spec.unit} (got ${value})`;
  }
  if (spec.integer && !Number.isInteger(value)) return `${name} must be a whole number (got ${value})`;
  return undefined;
}

/** Parses a text value (from the command line or a URL) into the spec's type. */
export function parseParam(spec: ParamSpec, text: string): ParamValue {
  return spec.kind === 'number' ? (text.trim() === '' ? Number.NaN : Number(text)) : text;
}

export type ResolvedParams<S extends ParamSpecs> =
  { ok: true; params: ParamsOf<S> } | { ok: false; errors: string[] };

/** Defaults overlaid with `overrides`; every unknown name or bad value is reported. */
export function resolveParams<S extends ParamSpecs>(
  specs: S,
  overrides: Record<string, unknown>,
): ResolvedParams<S> {
  const params: Record<string, ParamValue> = { ...defaultParams(specs) };
  const errors: string[] = [];
  for (const [k, v] of Object.entries(overrides)) {
    const spec = specs[k];
    if (!spec) {
      errors.push(`unknown param "${k}"; valid params: ${Object.keys(specs).join(', ')}`);
      continue;
    }
    const err = checkParam(k, spec, v);
    if (err) errors.push(err);
    else params[k] = v as ParamValue;
  }
  return errors.length ? { ok: false, errors } : { ok: true, params: params as ParamsOf<S> };
}
