// The renderer: React, with Monaco bundled locally (its editor and JSON workers come in through
// `?worker` imports in renderer/viewer/monaco-setup.ts; nothing is fetched from a CDN).
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 5000,
  },
})
