/*
 * libanneal_mkl_avx512.so: lets the MKL inside libtorch choose its kernels from the CPU's features on any x86-64 CPU.
 *
 * MKL asks mkl_serv_intel_cpu_true() whether the processor is an Intel one and, when it is not, takes its AVX2 code
 * path even where the CPU has AVX-512. Loaded into the global symbol scope before MKL's first call (LD_PRELOAD, or
 * dlopen with RTLD_GLOBAL as Anneal.Ml.Devices.MklKernels does), this definition takes the place of MKL's own, and
 * MKL then dispatches on the features it reads with CPUID. See docs/kernels.md.
 */
int mkl_serv_intel_cpu_true(void)
{
    return 1;
}
