# syntax=docker/dockerfile:1.7
# Anneal silo, CPU training. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t anneal-silo:dev .
#
# .NET 10 ships no Debian container images, but Anneal's TorchSharp load fix (build/LibTorchSharpGlibcxxPatch.targets)
# is made and tested on Debian 12: the runtime image is debian:bookworm-slim with the .NET runtime copied in from
# Microsoft's image (its binaries are portable across glibc-based Linux).
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS build
WORKDIR /src
# nuget.config also lists this machine-local feed; NuGet fails on a local feed that does not exist.
RUN mkdir -p /opt/nuget/packages
# gcc builds libanneal_mkl_avx512.so, MKL's AVX-512 switch on AMD CPUs (build/MklAvx512Shim.targets, docs/kernels.md).
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*
COPY global.json nuget.config Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY build/ build/
COPY src/ src/
# Publishing applies the GLIBCXX patch to the published libLibTorchSharp.so (PatchPublishedLibTorchSharpForOlderLibstdcxx).
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet publish src/Silo -c Release -r linux-x64 --self-contained false -o /app \
    && test -f /app/libLibTorchSharp.so && test -f /app/libanneal_mkl_avx512.so

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble AS dotnet

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates libc6 libgcc-s1 libgomp1 libssl3 libstdc++6 tzdata zlib1g \
    && rm -rf /var/lib/apt/lists/*
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && groupadd --gid 10001 anneal \
    && useradd --uid 10001 --gid anneal --no-create-home --home-dir /tmp --shell /usr/sbin/nologin anneal
ENV DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_gcServer=0 \
    TMPDIR=/tmp
WORKDIR /app
COPY --from=build /app ./
# Numeric user so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 10001:10001
# Orleans silo-to-silo, Orleans gateway (clients), HTTP (/metrics, /health/live, /health/ready).
EXPOSE 11111 30000 8080
ENTRYPOINT ["dotnet", "Anneal.Silo.dll"]
