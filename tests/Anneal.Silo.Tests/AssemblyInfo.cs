// One test class at a time: run side by side on a 2-core machine the training tests would only slow each other down.
// Two trainers in one process once failed with a Scalar freed under libtorch ("Unknown scalar type", "toFloat"); that
// cause is removed (docs/cluster.md, "Two slots in one process"), and a silo retries such an attempt from its
// checkpoint while a test's reference trainer cannot.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
