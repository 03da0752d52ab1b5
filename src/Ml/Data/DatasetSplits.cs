namespace Anneal.Ml.Data;

public sealed record DatasetSplits(IImageDataset Train, IImageDataset Test);
