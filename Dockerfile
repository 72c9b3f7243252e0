# One image for every service; SERVICE picks which app it runs.
# Build:  docker build --build-arg SERVICE=land-registry -t lien-thong/land-registry .
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Services run their TypeScript through SWC (@swc-node/register is a runtime dependency).
RUN npm install --omit=dev --no-audit --no-fund

FROM node:24-slim AS runtime
ARG SERVICE
ENV NODE_ENV=production SERVICE=${SERVICE}
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.base.json tsconfig.json ./
COPY libs ./libs
COPY apps ./apps
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["sh", "-c", "exec node --enable-source-maps --max-semi-space-size=8 --disable-warning=TimeoutNegativeWarning -r @swc-node/register apps/${SERVICE}/src/main.ts"]
