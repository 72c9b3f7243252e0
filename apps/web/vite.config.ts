import { defineConfig } from 'vite';

/**
 * The officer console and citizen portal, built into dist/web and served by the web gateway
 * (apps/web-gateway) at the same origin as the APIs. JSX through Vite's own esbuild: the
 * React plugin is not needed for a production build (no fast refresh).
 */
export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // Ant Design marks its modules "use client" (for React Server Components): meaningless
      // in a browser bundle, and Rollup says so for each of them.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  logLevel: 'warn',
});
