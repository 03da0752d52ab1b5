// The end-to-end tests train real runs; run side by side on a 2-core machine they would only slow each other down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
