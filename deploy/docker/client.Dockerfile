# syntax=docker/dockerfile:1.7
# The `anneal` CLI, to run inside the cluster next to the silos (it reaches them through Redis membership):
#   docker build -f deploy/docker/client.Dockerfile -t REGISTRY/anneal-client:TAG .
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS build
WORKDIR /src
RUN mkdir -p /opt/nuget/packages
# gcc builds libanneal_mkl_avx512.so, MKL's AVX-512 switch on AMD CPUs (build/MklAvx512Shim.targets, docs/kernels.md).
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*
COPY global.json nuget.config Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY build/ build/
COPY src/ src/
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet publish src/Client -c Release -r linux-x64 --self-contained false -o /app \
    && test -f /app/libanneal_mkl_avx512.so

FROM mcr.microsoft.com/dotnet/runtime:${DOTNET_VERSION}-noble AS dotnet

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates libc6 libgcc-s1 libgomp1 libssl3 libstdc++6 tzdata zlib1g \
    && rm -rf /var/lib/apt/lists/*
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && printf '#!/bin/sh\nexec dotnet /app/anneal.dll "$@"\n' > /usr/local/bin/anneal \
    && chmod 755 /usr/local/bin/anneal \
    && groupadd --gid 10001 anneal \
    && useradd --uid 10001 --gid anneal --no-create-home --home-dir /tmp --shell /usr/sbin/nologin anneal
ENV DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_RUNNING_IN_CONTAINER=true \
    TMPDIR=/tmp
WORKDIR /app
COPY --from=build /app ./
USER 10001:10001
# `anneal` on the PATH, so `kubectl exec deploy/anneal-cli -- anneal sweep watch ID` works too.
ENTRYPOINT ["anneal"]
