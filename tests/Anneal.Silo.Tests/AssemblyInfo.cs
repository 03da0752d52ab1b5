// One test class at a time. Training tests share this process's TorchSharp with each other: two trainers in one
// process have failed with a corrupted scalar in libtorch ("Unknown scalar type", "toFloat"), rarely, and a silo
// retries such an attempt from its checkpoint while a test's reference trainer cannot (docs/cluster.md, "Two slots
// in one process"). Run side by side on a 2-core machine they would only slow each other down besides.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
