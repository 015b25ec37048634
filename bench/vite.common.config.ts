// Vite build of the browser benchmark's reference pages (bench/common-way/): the common way, the limit page and the sigma.js peer, into bench/dist-common/.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(`./common-way/${name}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./common-way', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist-common', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { main: page('index.html'), limit: page('limit.html'), sigma: page('sigma.html') },
    },
  },
});
