import { defineConfig } from 'vite';

// The backend serves the built pages from its jar; in development the Vite server proxies the API to it.
export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:8080', '/actuator': 'http://localhost:8080' } },
});
