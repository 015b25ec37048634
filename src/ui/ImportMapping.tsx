// The import dialog's mapping step: what the user chose for a CSV's columns or a graph file's fields, starting from what the inspection suggests.
import { useState } from 'react';
import type { ClientImportOptions } from '../io/import/client';
import type { CsvInspection, CytoscapeInspection, GexfInspection } from '../io/import';
import type { CsvMapping, CytoscapeOptions, GexfOptions } from '../io/import/types';
import { CsvMappingForm } from './CsvMapping';
import { CytoscapeForm, GexfForm } from './ImportGraphForms';

/** An inspection the mapping step asks about. */
export type MappedInspection = CsvInspection | GexfInspection | CytoscapeInspection;

/** The choices of the mapping step, one set per format, and how they become import options. */
export function useMappingChoices() {
  const [csv, setCsv] = useState<Partial<CsvMapping>>({});
  const [actorsFile, setActorsFile] = useState<File | null>(null);
  const [gexf, setGexf] = useState<GexfOptions>({});
  const [cy, setCy] = useState<CytoscapeOptions>({});
  /** Starts from the inspection's suggestion (setters only: safe from the first render's closures). */
  const suggest = (inspection: MappedInspection): void => {
    if (inspection.format === 'csv') setCsv(inspection.mapping);
    if (inspection.format === 'gexf')
      setGexf({
        typeAttribute: inspection.suggestedType,
        ...inspection.suggestedTime,
      });
    if (inspection.format === 'cytoscape') setCy(inspection.suggested);
  };
  /** The import options the current choices make for the inspected format. */
  const options = (inspection: MappedInspection): ClientImportOptions => {
    if (inspection.format === 'csv') return { csv, ...(actorsFile ? { actors: actorsFile } : {}) };
    if (inspection.format === 'gexf')
      return { gexf: { ...gexf, typeAttribute: gexf.typeAttribute ?? null } };
    return { cytoscape: cy };
  };
  return { csv, setCsv, actorsFile, setActorsFile, gexf, setGexf, cy, setCy, suggest, options };
}

/** The form of the inspected format, editing the choices. */
export function MappingForm({
  inspection,
  choices,
}: {
  inspection: MappedInspection;
  choices: ReturnType<typeof useMappingChoices>;
}) {
  const c = choices;
  if (inspection.format === 'csv')
    return (
      <CsvMappingForm
        inspection={inspection}
        csv={c.csv}
        setCsv={c.setCsv}
        actorsFile={c.actorsFile}
        setActorsFile={c.setActorsFile}
      />
    );
  if (inspection.format === 'gexf')
    return <GexfForm inspection={inspection} options={c.gexf} onChange={c.setGexf} />;
  return <CytoscapeForm inspection={inspection} options={c.cy} onChange={c.setCy} />;
}
