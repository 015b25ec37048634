// Writes data/tieline.schema.json from the valibot schema in src/io/schema.ts (run with --check to compare instead).
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'vite';

const server = await createServer({
  server: { middlewareMode: true },
  appType: 'custom',
  logLevel: 'silent',
});
try {
  const { datasetJsonSchema } = await server.ssrLoadModule('/src/io/json-schema.ts');
  const text = JSON.stringify(datasetJsonSchema(), null, 2) + '\n';
  if (process.argv.includes('--check')) {
    if (readFileSync('data/tieline.schema.json', 'utf8') !== text) {
      console.error('data/tieline.schema.json is out of date: run node scripts/schema.mjs');
      process.exitCode = 1;
    }
  } else writeFileSync('data/tieline.schema.json', text);
} finally {
  await server.close();
}
