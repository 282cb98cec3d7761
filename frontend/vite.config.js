import { defineConfig } from 'vite';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { resolve } from 'node:path';

const pages = [
  'index',
  'signin',
  'signup',
  'forgot',
  'account',
  'class',
  'student',
  'student-new',
  'attendance',
  'history',
  'roster-import',
  'roster-photos',
];

// The backend serves the built pages from its jar; in development the Vite server proxies the API to it.
// The live face check runs offline: Human's two face models and the TFJS WASM binaries are copied next to the pages
// instead of being fetched from a CDN.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Human bundles TensorFlow.js (1.5 MB); it is loaded only on the pages that take enrolment photos
    chunkSizeWarningLimit: 1700,
    rollupOptions: { input: Object.fromEntries(pages.map((p) => [p, resolve(import.meta.dirname, `${p}.html`)])) },
  },
  plugins: [
    viteStaticCopy({
      targets: [
        { src: 'node_modules/@vladmandic/human/models/{blazeface,facemesh}.{json,bin}', dest: 'models' },
        { src: 'node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm', dest: 'models/wasm' },
      ],
    }),
  ],
  server: { proxy: { '/api': 'http://localhost:8080', '/actuator': 'http://localhost:8080' } },
});
