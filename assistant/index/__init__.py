"""Everything that makes reports searchable: chunking, the embedder protocol and its MiniLM
implementation, the store protocols and their Chroma implementation, ingest, the catalogue, and
dense, lexical and hybrid passage search."""
