# One image for every service; SERVICE picks which app it runs.
# Build:  docker build --build-arg SERVICE=land-registry -t lien-thong/land-registry .
# The `build` stage (every dependency, the tools) also runs one-off jobs, such as granting
# the Kafka ACLs in docker-compose.yml (service kafka-setup).
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: npm 11 refused `npm ci` on an earlier state of this lock
# (commits f4241c7 and 6bd3741: no entries for the other platforms' optional binaries), and
# `npm start` installs the same way (tools/cli/lifecycle.mjs). With a lock in step with
# package.json, `npm install` installs exactly the locked versions and changes nothing.
RUN npm install --no-audit --no-fund --loglevel=error
COPY tsconfig.base.json tsconfig.json ./
COPY tools ./tools
COPY libs ./libs
COPY apps ./apps
# TypeScript → dist/, and the web application (apps/web, Vite) → dist/web, where the web
# gateway (SERVICE=web-gateway) looks for it: dist/apps/web-gateway/src/config/../../../../web
# (tools/cli/build.mjs).
RUN node tools/cli/build.mjs

# Only what runs: production dependencies and the compiled JavaScript.
FROM build AS production-modules
RUN npm prune --omit=dev --no-audit --no-fund --loglevel=error

FROM node:24-slim AS runtime
ARG SERVICE
# HOST=0.0.0.0: a service listens on loopback unless told otherwise, which in a container
# nobody else can reach. MALLOC_ARENA_MAX is the manifest's processEnv (tools/services.json;
# explained at PROCESS_ENV in tools/cli/services.mjs), checked by tools/checks/deploy.mjs.
ENV NODE_ENV=production SERVICE=${SERVICE} HOST=0.0.0.0 MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=production-modules /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
# Documentation only: each app listens on its PORT (3000–3004, the web gateway 8080).
EXPOSE 3000
# Readiness (database, Kafka and holiday data answer; for the web gateway, dist/web and the
# land registry); the liveness route is /health/live.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The flags are the manifest's nodeFlags (tools/services.json; explained at NODE_FLAGS in
# tools/cli/services.mjs): the deployment check (tools/checks/deploy.mjs) fails if they differ.
CMD ["sh", "-c", "exec node --enable-source-maps --max-semi-space-size=8 --heap-growing-percent=50 --disable-warning=TimeoutNegativeWarning dist/apps/${SERVICE}/src/main.js"]
