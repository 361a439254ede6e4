import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// `source` makes @retail-value/core resolve to its TypeScript sources, as in the tests.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: {
    // `npm run dev -w @retail-value/web` beside `retail-value serve --db …` on port 3000.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's sources carry explanatory comments next to @__PURE__ marks that Rollup reports and drops.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/') === true) return;
        warn(warning);
      },
      output: {
        // Libraries change less often than the product, so they get their own cacheable files.
        manualChunks: (id) => {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|react-router|scheduler)\//.test(id)) return 'react';
          if (/node_modules\/(zod)\//.test(id)) return 'zod';
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'charts';
          return 'ui';
        },
      },
    },
    chunkSizeWarningLimit: 1500,
  },
});
