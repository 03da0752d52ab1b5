# syntax=docker/dockerfile:1.7
# Anneal silo, CUDA training (NVIDIA GPUs). Build from the repository root:
#   docker build -f deploy/docker/silo-cuda.Dockerfile -t REGISTRY/anneal-silo-cuda:TAG .
#
# -p:AnnealCuda=true swaps libtorch-cpu-linux-x64 for libtorch-cuda-12.8-linux-x64 (src/Ml/Anneal.Ml.csproj). That
# package carries the CUDA 12.8 user-space libraries (cudart, cuBLAS, cuDNN) itself, so the runtime image needs no
# CUDA toolkit: only the host's NVIDIA driver (>= 570 for CUDA 12.8), which the NVIDIA container toolkit mounts in.
# Restoring it downloads a few GB.
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
    dotnet publish src/Silo -c Release -r linux-x64 --self-contained false -p:AnnealCuda=true -o /app \
    && test -f /app/libLibTorchSharp.so && test -f /app/libanneal_mkl_avx512.so \
    && test -f /app/libtorch_cuda.so

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
    TMPDIR=/tmp \
    # Read by the NVIDIA container runtime: expose the GPUs Kubernetes assigned, with compute (CUDA) and nvidia-smi.
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    ANNEAL_Anneal__Device=cuda
WORKDIR /app
COPY --from=build /app ./
USER 10001:10001
EXPOSE 11111 30000 8080
ENTRYPOINT ["dotnet", "Anneal.Silo.dll"]
