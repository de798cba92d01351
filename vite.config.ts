import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and loaded from disk (Electron, file://) or served by the browser
// host: relative asset paths work for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
});
