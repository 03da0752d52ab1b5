#!/usr/bin/env python3
"""Makes the Fashion-MNIST subset shipped in datasets/fashion-mnist-subset from the real dataset.

Takes the first N images of each class, in file order, from the train and test files (so the subset is
class-balanced and the same on every run) and writes them in the dataset's own IDX format, gzip-compressed with a
zero timestamp, so the output is byte-for-byte reproducible.

    python3 scripts/make-fashion-mnist-subset.py [SOURCE_DIR] [OUT_DIR]

SOURCE_DIR defaults to Debian's dataset-fashion-mnist folder, /usr/share/datasets/fashion-mnist.
"""
import gzip
import os
import struct
import sys

TRAIN_PER_CLASS = 1200  # 12,000 train images
TEST_PER_CLASS = 200    # 2,000 test images
CLASSES = 10
SIDE = 28


def read(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return f.read()


def find(source, stem):
    for name in (stem + ".gz", stem):
        if os.path.exists(os.path.join(source, name)):
            return os.path.join(source, name)
    sys.exit(f"{stem}[.gz] not found in {source}")


def write_gz(path, content):
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as out:
        out.write(content)


def subset(source, out, prefix, per_class):
    labels = read(find(source, f"{prefix}-labels-idx1-ubyte"))
    images = read(find(source, f"{prefix}-images-idx3-ubyte"))
    magic, count = struct.unpack(">ii", labels[:8])
    assert magic == 0x801, f"{prefix} labels: bad magic {magic:#x}"
    magic, image_count, rows, cols = struct.unpack(">iiii", images[:16])
    assert magic == 0x803 and image_count == count and rows == cols == SIDE, f"{prefix} images: bad header"
    taken = {c: 0 for c in range(CLASSES)}
    picked = []
    for i, label in enumerate(labels[8:8 + count]):
        if taken[label] < per_class:
            taken[label] += 1
            picked.append(i)
    assert all(n == per_class for n in taken.values()), f"{prefix}: a class has fewer than {per_class} images"
    size = SIDE * SIDE
    write_gz(os.path.join(out, f"{prefix}-labels-idx1-ubyte.gz"),
             struct.pack(">ii", 0x801, len(picked)) + bytes(labels[8 + i] for i in picked))
    write_gz(os.path.join(out, f"{prefix}-images-idx3-ubyte.gz"),
             struct.pack(">iiii", 0x803, len(picked), SIDE, SIDE)
             + b"".join(images[16 + i * size:16 + (i + 1) * size] for i in picked))
    print(f"{prefix}: {len(picked)} images, {per_class} per class")


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "datasets", "fashion-mnist-subset")
    os.makedirs(out, exist_ok=True)
    subset(source, out, "train", TRAIN_PER_CLASS)
    subset(source, out, "t10k", TEST_PER_CLASS)


if __name__ == "__main__":
    main()
