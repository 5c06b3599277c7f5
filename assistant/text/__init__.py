"""Plain-text helpers shared by every layer: the one word tokenizer and stems, sentence splitting
with offsets, and the word lists (kept as data files beside this package)."""
