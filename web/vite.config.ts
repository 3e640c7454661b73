import { defineConfig } from 'vite';

// The gateway serves dist/ at / (gateway/src/webApp.ts); `npm run dev -w web` proxies the API to a running hub.
export default defineConfig({
  base: '/',
  build: { outDir: 'dist', assetsDir: 'assets', sourcemap: false, target: 'es2022', modulePreload: { polyfill: false } },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000', '/dev': 'http://127.0.0.1:4000' } },
});
