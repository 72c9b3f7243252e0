# One image for every service; SERVICE picks which app it runs.
# Build:  docker build --build-arg SERVICE=land-registry -t lien-thong/land-registry .
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY tools ./tools
COPY libs ./libs
COPY apps ./apps
# TypeScript → dist/ (tools/cli/build.mjs), then only what runs is kept.
RUN node tools/cli/build.mjs && npm prune --omit=dev --no-audit --no-fund

FROM node:24-slim AS runtime
ARG SERVICE
ENV NODE_ENV=production SERVICE=${SERVICE} HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The flags are NODE_FLAGS in tools/cli/services.mjs, where they are explained.
CMD ["sh", "-c", "exec node --enable-source-maps --max-semi-space-size=8 --heap-growing-percent=50 --disable-warning=TimeoutNegativeWarning dist/apps/${SERVICE}/src/main.js"]
