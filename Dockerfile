# syntax=docker/dockerfile:1
# One image for every component of the hub, built from the repository root:
#   docker build -t cswb-hub .
# The gateway is the default command; a subgraph runs with
#   docker run cswb-hub node cli/dist/main.js serve-subgraph <name>
# (docker-compose.yml runs them all).

FROM node:20-bookworm-slim AS base
WORKDIR /app

# Only the npm manifests (root and every workspace, whatever subgraphs/ holds), so that the
# `npm ci` layer below is reused until a package.json or package-lock.json changes.
FROM base AS manifests
COPY . /src
RUN cd /src \
 && mkdir -p /manifests \
 && cp package.json package-lock.json /manifests/ \
 && for manifest in shared/*/package.json subgraphs/*/package.json gateway/package.json cli/package.json web/package.json; do \
      mkdir -p "/manifests/$(dirname "$manifest")" && cp "$manifest" "/manifests/$manifest"; \
    done

FROM base AS build
COPY --from=manifests /manifests/ ./
RUN npm ci --no-audit --no-fund
# The whole tree: shared/contract, shared/kit, subgraphs/*, gateway (with its generated/supergraph.graphql), cli and web (built into web/dist, which the gateway serves at /).
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /app
# Owned by root and only readable by the `node` user the processes run as.
COPY --from=build /app ./
USER node
EXPOSE 4000
CMD ["node", "gateway/dist/main.js"]
