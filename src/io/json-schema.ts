// The JSON Schema of `tieline/1`, generated from the valibot schema so the two never drift apart.
import { toJsonSchema } from '@valibot/to-json-schema';
import { DatasetSchema } from './schema';

/** The JSON Schema (draft-07) that data/tieline.schema.json holds, for other tools and editors. */
export function datasetJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(DatasetSchema, { errorMode: 'ignore' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://tieline.invalid/schema/tieline-1.json',
    title: 'Tieline dataset (tieline/1)',
    description:
      'Actors, sources and dated, typed relations resting on claims. Dates are EDTF (levels 0–1) strings; the meaning checks (unknown ids, dates, end before start) are documented in docs/dataset-format.md.',
  };
}
